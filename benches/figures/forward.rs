//! A second listener for P1: PingOne serves tokens and the API on two hosts, the simulator on
//! one port, so the token URL points at this forwarder (127.0.0.1 only), which copies each
//! connection to the simulator. Every contender then opens one connection per host, as against
//! PingOne.

use std::io;
use std::net::{Ipv4Addr, Shutdown, TcpListener, TcpStream};

/// Listens on a free port and forwards every connection to `127.0.0.1:to`; returns the port.
/// The forwarding threads last as long as the driver.
pub fn to(to: u16) -> io::Result<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
    let port = listener.local_addr()?.port();
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let Ok(server) = TcpStream::connect((Ipv4Addr::LOCALHOST, to)) else {
                continue;
            };
            let _ = client.set_nodelay(true);
            let _ = server.set_nodelay(true);
            pipe(&client, &server);
            pipe(&server, &client);
        }
    });
    Ok(port)
}

/// Copies `from` to `to` on a thread until `from` ends, then ends `to`'s writing side.
fn pipe(from: &TcpStream, to: &TcpStream) {
    let (Ok(mut from), Ok(mut to)) = (from.try_clone(), to.try_clone()) else {
        return;
    };
    std::thread::spawn(move || {
        let _ = io::copy(&mut from, &mut to);
        let _ = to.shutdown(Shutdown::Write);
    });
}
