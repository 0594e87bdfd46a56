#!/bin/sh
# Fills the secrets into Synapse's configuration, creates the signing key once, starts Synapse.
set -eu
sed -e "s|@POSTGRES_PASSWORD@|$POSTGRES_PASSWORD|" \
    -e "s|@SYNAPSE_REGISTRATION_SECRET@|$SYNAPSE_REGISTRATION_SECRET|" \
    -e "s|@SYNAPSE_SERVER_NAME@|${SYNAPSE_SERVER_NAME:-localhost}|" \
    /config/homeserver.yaml.in >/data/homeserver.yaml
[ -f /data/signing.key ] || python -m synapse.app.homeserver -c /data/homeserver.yaml --generate-keys
exec python -m synapse.app.homeserver -c /data/homeserver.yaml
