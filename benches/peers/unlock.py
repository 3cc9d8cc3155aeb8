#!/usr/bin/env python3
"""P1's peer (issue 5): unlock one user by username the way PingOne's docs show it, with
`requests`: a worker token (client_secret_basic), find the user by a filter, POST the unlock.

Usage: unlock.py USERNAME, with the `export` lines of `pingdesk sim` in the environment.
"""
import json
import os
import sys

import requests

api = os.environ["PINGDESK_API_URL"].rstrip("/")
auth = os.environ["PINGDESK_AUTH_URL"].rstrip("/")
env = os.environ["PINGONE_ENVIRONMENT_ID"]
username = sys.argv[1]

token = requests.post(
    f"{auth}/{env}/as/token",
    auth=(os.environ["PINGONE_CLIENT_ID"], os.environ["PINGONE_CLIENT_SECRET"]),
    data={"grant_type": "client_credentials"},
)
token.raise_for_status()
headers = {"Authorization": f"Bearer {token.json()['access_token']}"}

found = requests.get(
    f"{api}/v1/environments/{env}/users",
    params={"filter": f"username eq {json.dumps(username)}"},
    headers=headers,
)
found.raise_for_status()
users = found.json()["_embedded"]["users"]
if len(users) != 1:
    sys.exit(f"{len(users)} users match {username}")

unlocked = requests.post(
    f"{api}/v1/environments/{env}/users/{users[0]['id']}",
    headers={**headers, "Content-Type": "application/vnd.pingidentity.account.unlock+json"},
)
unlocked.raise_for_status()
print(f"Unlocked the account of {unlocked.json()['username']}")
