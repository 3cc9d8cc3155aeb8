#!/bin/sh
# P1's peer (issue 5): unlock one user by username with a chain of curl calls, as PingOne's docs
# show them (jq reads the JSON): a worker token, find the user by a filter, POST the unlock.
# Usage: unlock.sh USERNAME, with the `export` lines of `pingdesk sim` in the environment.
set -eu
name=$1
token=$(curl -sS --fail -u "$PINGONE_CLIENT_ID:$PINGONE_CLIENT_SECRET" \
  -d grant_type=client_credentials \
  "$PINGDESK_AUTH_URL/$PINGONE_ENVIRONMENT_ID/as/token" | jq -r .access_token)
id=$(curl -sS --fail -G -H "Authorization: Bearer $token" \
  --data-urlencode "filter=username eq \"$name\"" \
  "$PINGDESK_API_URL/v1/environments/$PINGONE_ENVIRONMENT_ID/users" | jq -r '._embedded.users[0].id')
curl -sS --fail -X POST -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/vnd.pingidentity.account.unlock+json' \
  "$PINGDESK_API_URL/v1/environments/$PINGONE_ENVIRONMENT_ID/users/$id" | jq -r '"Unlocked the account of " + .username'
