#!/usr/bin/env python3
"""Register a user on a Synapse homeserver through the shared-secret admin API.

Usage: synapse_register.py BASE_URL SHARED_SECRET USER PASSWORD [--admin]

An existing user is not an error (the script says so and exits 0), so that
development scripts can run it at every start.
"""
import hashlib
import hmac
import json
import sys
import urllib.error
import urllib.request


def register(base: str, secret: str, user: str, password: str, admin: bool = False) -> int:
    """Registers one user; 0 on success or if the user exists."""
    url = f"{base.rstrip('/')}/_synapse/admin/v1/register"
    with urllib.request.urlopen(url, timeout=10) as resp:
        nonce = json.load(resp)["nonce"]
    body = {"nonce": nonce, "username": user, "password": password, "admin": admin}
    # HMAC over the parts separated by NUL, without a trailing NUL.
    mac = hmac.new(secret.encode(), digestmod=hashlib.sha1)
    mac.update("\x00".join([nonce, user, password, "admin" if admin else "notadmin"]).encode())
    body["mac"] = mac.hexdigest()
    req = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            print(json.load(resp)["user_id"])
    except urllib.error.HTTPError as err:
        payload = json.loads(err.read() or b"{}")
        if payload.get("errcode") == "M_USER_IN_USE":
            print(f"user {user} already exists", file=sys.stderr)
            return 0
        print(f"registration of {user} failed: {err.code} {payload}", file=sys.stderr)
        return 1
    return 0


def main() -> int:
    if len(sys.argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    base, secret, user, password = sys.argv[1:5]
    return register(base, secret, user, password, "--admin" in sys.argv[5:])


if __name__ == "__main__":
    sys.exit(main())
