# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_pingdesk_global_optspecs
    string join \n log-file= log-level= no-color demo profile= config= region= api-url= auth-url= environment-id= target-environment-id= client-id= client-auth= read-only timeout= h/help V/version
end

function __fish_pingdesk_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_pingdesk_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_pingdesk_using_subcommand
    set -l cmd (__fish_pingdesk_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c pingdesk -n "__fish_pingdesk_needs_command" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_needs_command" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_needs_command" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_needs_command" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_needs_command" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_needs_command" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_needs_command" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_needs_command" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_needs_command" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_needs_command" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_needs_command" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_needs_command" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_needs_command" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_needs_command" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_needs_command" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_needs_command" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_needs_command" -s V -l version -d 'Print version'
complete -c pingdesk -n "__fish_pingdesk_needs_command" -f -a "users" -d 'Find, show, unlock and lock users from a script or a shell'
complete -c pingdesk -n "__fish_pingdesk_needs_command" -f -a "doctor" -d 'Check the connection: token, reading users, the worker\'s roles, clock skew, hosts'
complete -c pingdesk -n "__fish_pingdesk_needs_command" -f -a "journal" -d 'Print the action journal: every change pingdesk made, for which ticket, and what PingOne answered'
complete -c pingdesk -n "__fish_pingdesk_needs_command" -f -a "sim" -d 'Run a PingOne simulator on loopback, for training, demos and scripts'
complete -c pingdesk -n "__fish_pingdesk_needs_command" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
complete -c pingdesk -n "__fish_pingdesk_needs_command" -f -a "man" -d 'Print the man page (roff); e.g. `pingdesk man > pingdesk.1`'
complete -c pingdesk -n "__fish_pingdesk_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -f -a "find" -d 'Search users as the console\'s search box does (prefix of username, email, name; an id)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -f -a "show" -d 'Show one user and why they cannot sign in'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -f -a "password" -d 'Show a user\'s password state'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -f -a "devices" -d 'List a user\'s MFA devices (ids for block-device and unblock-device)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -f -a "sessions" -d 'List a user\'s sessions, newest first (ids for revoke-session)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -f -a "locked" -d 'The users locked now: lock events of the audit activities, each checked against the user'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -f -a "unlock" -d 'Unlock a user\'s account'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -f -a "lock" -d 'Lock a user\'s account, for a while or until an admin unlocks it'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -f -a "password-unlock" -d 'Unlock a password locked out by failed sign-on attempts'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -f -a "force-password-change" -d 'Make the user choose a new password at the next sign-on'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -f -a "send-recovery-code" -d 'Email the user a code to set a new password'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -f -a "enable" -d 'Enable a disabled user'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -f -a "disable" -d 'Disable a user: they cannot sign in until enabled'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -f -a "resend-verification" -d 'Email the user a new verification code'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -f -a "unblock-device" -d 'Unblock one of the user\'s MFA devices'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -f -a "block-device" -d 'Block one of the user\'s MFA devices: it cannot be used until unblocked'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -f -a "revoke-session" -d 'Revoke one of the user\'s sessions, or all of them (--all)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -f -a "mfa-on" -d 'Turn MFA on for the user'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -f -a "mfa-off" -d 'Turn MFA off for the user: they sign in without a second factor'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and not __fish_seen_subcommand_from find show password devices sessions locked unlock lock password-unlock force-password-change send-recovery-code enable disable resend-verification unblock-device block-device revoke-session mfa-on mfa-off help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from find" -l limit -d 'Most users to list (1 to 1000)' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from find" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from find" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from find" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from find" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from find" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from find" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from find" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from find" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from find" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from find" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from find" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from find" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from find" -l json -d 'Print JSON'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from find" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from find" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from find" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from find" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from show" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from show" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from show" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from show" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from show" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from show" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from show" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from show" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from show" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from show" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from show" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from show" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from show" -l json -d 'Print the user record as PingOne sent it'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from show" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from show" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from show" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password" -l json -d 'Print the password state as PingOne sent it'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from devices" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from devices" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from devices" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from devices" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from devices" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from devices" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from devices" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from devices" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from devices" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from devices" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from devices" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from devices" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from devices" -l json -d 'Print `{"mfaEnabled", "devices"}` with the devices as PingOne sent them'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from devices" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from devices" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from devices" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from devices" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from sessions" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from sessions" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from sessions" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from sessions" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from sessions" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from sessions" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from sessions" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from sessions" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from sessions" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from sessions" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from sessions" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from sessions" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from sessions" -l json -d 'Print `{"sessions"}` with the sessions as PingOne sent them'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from sessions" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from sessions" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from sessions" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from sessions" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from locked" -l since -d 'How far back to look, e.g. 24h, 2h, 7d' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from locked" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from locked" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from locked" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from locked" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from locked" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from locked" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from locked" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from locked" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from locked" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from locked" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from locked" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from locked" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from locked" -l scan -d 'Scan the first 1,000 users instead of reading audit data'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from locked" -l json -d 'Print JSON'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from locked" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from locked" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from locked" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from locked" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unlock" -l ticket -d 'The ticket this change is for: sent to PingOne as X-Ping-External-Transaction-Id and journaled' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unlock" -l from -d 'Unlock every user listed in FILE (- = stdin), one username, email or id per line' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unlock" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unlock" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unlock" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unlock" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unlock" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unlock" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unlock" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unlock" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unlock" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unlock" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unlock" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unlock" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unlock" -l yes -d 'Do not ask for confirmation (required when stdin is not a terminal)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unlock" -l json -d 'Print what PingOne holds afterwards as JSON'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unlock" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unlock" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unlock" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unlock" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from lock" -l ticket -d 'The ticket this change is for: sent to PingOne as X-Ping-External-Transaction-Id and journaled' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from lock" -l for -d 'Unlock by itself after this long, e.g. 30m, 2h, 1d' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from lock" -l until -d 'Unlock by itself at this time (RFC 3339, e.g. 2026-12-01T09:00:00Z)' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from lock" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from lock" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from lock" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from lock" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from lock" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from lock" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from lock" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from lock" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from lock" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from lock" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from lock" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from lock" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from lock" -l yes -d 'Do not ask for confirmation (required when stdin is not a terminal)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from lock" -l json -d 'Print what PingOne holds afterwards as JSON'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from lock" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from lock" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from lock" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from lock" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password-unlock" -l ticket -d 'The ticket this change is for: sent to PingOne as X-Ping-External-Transaction-Id and journaled' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password-unlock" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password-unlock" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password-unlock" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password-unlock" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password-unlock" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password-unlock" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password-unlock" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password-unlock" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password-unlock" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password-unlock" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password-unlock" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password-unlock" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password-unlock" -l yes -d 'Do not ask for confirmation (required when stdin is not a terminal)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password-unlock" -l json -d 'Print what PingOne holds afterwards as JSON'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password-unlock" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password-unlock" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password-unlock" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from password-unlock" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from force-password-change" -l ticket -d 'The ticket this change is for: sent to PingOne as X-Ping-External-Transaction-Id and journaled' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from force-password-change" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from force-password-change" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from force-password-change" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from force-password-change" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from force-password-change" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from force-password-change" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from force-password-change" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from force-password-change" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from force-password-change" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from force-password-change" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from force-password-change" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from force-password-change" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from force-password-change" -l yes -d 'Do not ask for confirmation (required when stdin is not a terminal)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from force-password-change" -l json -d 'Print what PingOne holds afterwards as JSON'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from force-password-change" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from force-password-change" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from force-password-change" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from force-password-change" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from send-recovery-code" -l ticket -d 'The ticket this change is for: sent to PingOne as X-Ping-External-Transaction-Id and journaled' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from send-recovery-code" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from send-recovery-code" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from send-recovery-code" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from send-recovery-code" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from send-recovery-code" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from send-recovery-code" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from send-recovery-code" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from send-recovery-code" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from send-recovery-code" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from send-recovery-code" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from send-recovery-code" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from send-recovery-code" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from send-recovery-code" -l yes -d 'Do not ask for confirmation (required when stdin is not a terminal)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from send-recovery-code" -l json -d 'Print what PingOne holds afterwards as JSON'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from send-recovery-code" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from send-recovery-code" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from send-recovery-code" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from send-recovery-code" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from enable" -l ticket -d 'The ticket this change is for: sent to PingOne as X-Ping-External-Transaction-Id and journaled' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from enable" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from enable" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from enable" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from enable" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from enable" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from enable" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from enable" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from enable" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from enable" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from enable" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from enable" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from enable" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from enable" -l yes -d 'Do not ask for confirmation (required when stdin is not a terminal)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from enable" -l json -d 'Print what PingOne holds afterwards as JSON'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from enable" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from enable" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from enable" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from disable" -l ticket -d 'The ticket this change is for: sent to PingOne as X-Ping-External-Transaction-Id and journaled' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from disable" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from disable" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from disable" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from disable" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from disable" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from disable" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from disable" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from disable" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from disable" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from disable" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from disable" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from disable" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from disable" -l yes -d 'Do not ask for confirmation (required when stdin is not a terminal)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from disable" -l json -d 'Print what PingOne holds afterwards as JSON'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from disable" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from disable" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from disable" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from resend-verification" -l ticket -d 'The ticket this change is for: sent to PingOne as X-Ping-External-Transaction-Id and journaled' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from resend-verification" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from resend-verification" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from resend-verification" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from resend-verification" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from resend-verification" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from resend-verification" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from resend-verification" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from resend-verification" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from resend-verification" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from resend-verification" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from resend-verification" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from resend-verification" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from resend-verification" -l yes -d 'Do not ask for confirmation (required when stdin is not a terminal)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from resend-verification" -l json -d 'Print what PingOne holds afterwards as JSON'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from resend-verification" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from resend-verification" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from resend-verification" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from resend-verification" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unblock-device" -l ticket -d 'The ticket this change is for: sent to PingOne as X-Ping-External-Transaction-Id and journaled' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unblock-device" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unblock-device" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unblock-device" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unblock-device" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unblock-device" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unblock-device" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unblock-device" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unblock-device" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unblock-device" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unblock-device" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unblock-device" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unblock-device" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unblock-device" -l yes -d 'Do not ask for confirmation (required when stdin is not a terminal)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unblock-device" -l json -d 'Print what PingOne holds afterwards as JSON'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unblock-device" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unblock-device" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unblock-device" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from unblock-device" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from block-device" -l ticket -d 'The ticket this change is for: sent to PingOne as X-Ping-External-Transaction-Id and journaled' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from block-device" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from block-device" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from block-device" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from block-device" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from block-device" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from block-device" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from block-device" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from block-device" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from block-device" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from block-device" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from block-device" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from block-device" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from block-device" -l yes -d 'Do not ask for confirmation (required when stdin is not a terminal)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from block-device" -l json -d 'Print what PingOne holds afterwards as JSON'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from block-device" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from block-device" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from block-device" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from block-device" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from revoke-session" -l ticket -d 'The ticket this change is for: sent to PingOne as X-Ping-External-Transaction-Id and journaled' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from revoke-session" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from revoke-session" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from revoke-session" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from revoke-session" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from revoke-session" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from revoke-session" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from revoke-session" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from revoke-session" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from revoke-session" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from revoke-session" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from revoke-session" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from revoke-session" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from revoke-session" -l yes -d 'Do not ask for confirmation (required when stdin is not a terminal)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from revoke-session" -l json -d 'Print what PingOne holds afterwards as JSON'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from revoke-session" -l all -d 'Every session of the user'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from revoke-session" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from revoke-session" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from revoke-session" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from revoke-session" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-on" -l ticket -d 'The ticket this change is for: sent to PingOne as X-Ping-External-Transaction-Id and journaled' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-on" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-on" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-on" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-on" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-on" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-on" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-on" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-on" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-on" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-on" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-on" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-on" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-on" -l yes -d 'Do not ask for confirmation (required when stdin is not a terminal)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-on" -l json -d 'Print what PingOne holds afterwards as JSON'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-on" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-on" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-on" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-on" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-off" -l ticket -d 'The ticket this change is for: sent to PingOne as X-Ping-External-Transaction-Id and journaled' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-off" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-off" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-off" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-off" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-off" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-off" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-off" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-off" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-off" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-off" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-off" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-off" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-off" -l yes -d 'Do not ask for confirmation (required when stdin is not a terminal)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-off" -l json -d 'Print what PingOne holds afterwards as JSON'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-off" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-off" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-off" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from mfa-off" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "find" -d 'Search users as the console\'s search box does (prefix of username, email, name; an id)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one user and why they cannot sign in'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "password" -d 'Show a user\'s password state'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "devices" -d 'List a user\'s MFA devices (ids for block-device and unblock-device)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "sessions" -d 'List a user\'s sessions, newest first (ids for revoke-session)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "locked" -d 'The users locked now: lock events of the audit activities, each checked against the user'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "unlock" -d 'Unlock a user\'s account'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "lock" -d 'Lock a user\'s account, for a while or until an admin unlocks it'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "password-unlock" -d 'Unlock a password locked out by failed sign-on attempts'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "force-password-change" -d 'Make the user choose a new password at the next sign-on'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "send-recovery-code" -d 'Email the user a code to set a new password'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Enable a disabled user'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Disable a user: they cannot sign in until enabled'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "resend-verification" -d 'Email the user a new verification code'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "unblock-device" -d 'Unblock one of the user\'s MFA devices'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "block-device" -d 'Block one of the user\'s MFA devices: it cannot be used until unblocked'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "revoke-session" -d 'Revoke one of the user\'s sessions, or all of them (--all)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "mfa-on" -d 'Turn MFA on for the user'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "mfa-off" -d 'Turn MFA off for the user: they sign in without a second factor'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand doctor" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand doctor" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand doctor" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand doctor" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand doctor" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand doctor" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand doctor" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand doctor" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand doctor" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand doctor" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand doctor" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand doctor" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand doctor" -l json -d 'Print the result as JSON'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand doctor" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand doctor" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand doctor" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand doctor" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand journal" -l since -d 'Only entries younger than this, e.g. 2h, 30m, 7d' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand journal" -l user -d 'Only entries for this username or user id' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand journal" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand journal" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand journal" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand journal" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand journal" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand journal" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand journal" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand journal" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand journal" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand journal" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand journal" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand journal" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand journal" -l json -d 'Print the records as JSON'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand journal" -l reread -d 'Read again the users of operations whose outcome is unknown, and record what PingOne shows'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand journal" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand journal" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand journal" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand journal" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l port -d 'Port on 127.0.0.1 (0 picks a free one)' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l env-id -d 'Environment id to serve [default: the directory file\'s]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l client-id -d 'Worker client id to accept' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l client-secret -d 'Worker client secret to accept (a training secret: it is printed at start)' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l users -d 'Generated users to add to the directory, for scale tests' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l seed -d 'Seed for generated users' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l data -d 'A directory file to serve instead of the bundled demo (same format as assets/demo/users.json)' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l token-lifetime -d 'Lifetime of issued tokens, in seconds' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l rate-limit -d 'Answer API requests beyond this rate with 429 and Retry-After, e.g. 100/s' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand sim" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand completions" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand completions" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand completions" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand completions" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand completions" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand completions" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand completions" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand completions" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand completions" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand completions" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand completions" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand completions" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand completions" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand completions" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand completions" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand completions" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand man" -l log-file -d 'Log file (nothing is ever logged to the terminal) [default: ~/.local/state/pingdesk/pingdesk.log]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand man" -l log-level -d 'Log level or tracing filter, e.g. `info` or `pingdesk=debug`' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand man" -l profile -d 'Profile from the config file [env: PINGDESK_PROFILE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand man" -l config -d 'Config file [env: PINGDESK_CONFIG] [default: ~/.config/pingdesk/config.toml]' -r -F
complete -c pingdesk -n "__fish_pingdesk_using_subcommand man" -l region -d 'PingOne region: NA, CA, EU, AU, SG or AP [env: PINGONE_REGION_CODE]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand man" -l api-url -d 'Management API base URL, overriding the region; https, or http on loopback only [env: PINGDESK_API_URL, or host PINGONE_API_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand man" -l auth-url -d 'Auth service base URL, overriding the region [env: PINGDESK_AUTH_URL, or host PINGONE_AUTH_SERVICE_HOSTNAME]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand man" -l environment-id -d 'The worker app\'s environment id [env: PINGONE_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand man" -l target-environment-id -d 'The environment whose users to manage, when not the worker\'s [env: PINGDESK_TARGET_ENVIRONMENT_ID]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand man" -l client-id -d 'The worker app\'s client id [env: PINGONE_CLIENT_ID]. Its secret comes from PINGONE_CLIENT_SECRET or the profile\'s secret source, never from a flag' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand man" -l client-auth -d 'How the worker app authenticates at the token endpoint: basic or post' -r -f -a "basic\t''
post\t''"
complete -c pingdesk -n "__fish_pingdesk_using_subcommand man" -l timeout -d 'Longest wait for one request to PingOne, in seconds [env: PINGDESK_TIMEOUT] [default: 30]' -r
complete -c pingdesk -n "__fish_pingdesk_using_subcommand man" -l no-color -d 'No colour, in the console (the mono theme) and in command output; as `NO_COLOR` does'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand man" -l demo -d 'Use the embedded simulator with the demo directory, whatever else is configured'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand man" -l read-only -d 'Refuse every write (unlock, lock) [env: PINGDESK_READ_ONLY=1]'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand man" -s h -l help -d 'Print help'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and not __fish_seen_subcommand_from users doctor journal sim completions man help" -f -a "users" -d 'Find, show, unlock and lock users from a script or a shell'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and not __fish_seen_subcommand_from users doctor journal sim completions man help" -f -a "doctor" -d 'Check the connection: token, reading users, the worker\'s roles, clock skew, hosts'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and not __fish_seen_subcommand_from users doctor journal sim completions man help" -f -a "journal" -d 'Print the action journal: every change pingdesk made, for which ticket, and what PingOne answered'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and not __fish_seen_subcommand_from users doctor journal sim completions man help" -f -a "sim" -d 'Run a PingOne simulator on loopback, for training, demos and scripts'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and not __fish_seen_subcommand_from users doctor journal sim completions man help" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and not __fish_seen_subcommand_from users doctor journal sim completions man help" -f -a "man" -d 'Print the man page (roff); e.g. `pingdesk man > pingdesk.1`'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and not __fish_seen_subcommand_from users doctor journal sim completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "find" -d 'Search users as the console\'s search box does (prefix of username, email, name; an id)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "show" -d 'Show one user and why they cannot sign in'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "password" -d 'Show a user\'s password state'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "devices" -d 'List a user\'s MFA devices (ids for block-device and unblock-device)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "sessions" -d 'List a user\'s sessions, newest first (ids for revoke-session)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "locked" -d 'The users locked now: lock events of the audit activities, each checked against the user'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "unlock" -d 'Unlock a user\'s account'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "lock" -d 'Lock a user\'s account, for a while or until an admin unlocks it'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "password-unlock" -d 'Unlock a password locked out by failed sign-on attempts'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "force-password-change" -d 'Make the user choose a new password at the next sign-on'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "send-recovery-code" -d 'Email the user a code to set a new password'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "enable" -d 'Enable a disabled user'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "disable" -d 'Disable a user: they cannot sign in until enabled'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "resend-verification" -d 'Email the user a new verification code'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "unblock-device" -d 'Unblock one of the user\'s MFA devices'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "block-device" -d 'Block one of the user\'s MFA devices: it cannot be used until unblocked'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "revoke-session" -d 'Revoke one of the user\'s sessions, or all of them (--all)'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "mfa-on" -d 'Turn MFA on for the user'
complete -c pingdesk -n "__fish_pingdesk_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "mfa-off" -d 'Turn MFA off for the user: they sign in without a second factor'
