"""API keys and passwords: how they are made, and the only forms in which they are stored.

An API key is ``tg_<prefix>_<secret>``: the prefix (8 hex characters, public) finds the
row, and the secret (32 random bytes) is checked against its SHA-256. A plain hash is
enough for a 256-bit random secret (nothing to brute-force) and keeps each request's key
check to microseconds. Passwords are chosen by people, so they get scrypt with a random
salt, slow on purpose. Neither the key nor the password is ever written anywhere.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets
from dataclasses import dataclass

KEY_PREFIX = "tg"
#: scrypt cost: 2**14 iterations, r=8, p=1 (about 16 MiB and 50 ms per check).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


@dataclass(frozen=True)
class NewKey:
    """A freshly made key: the text to show once, and what to store."""

    text: str
    prefix: str
    secret_hash: str


def hash_secret(secret: str) -> str:
    """SHA-256 (hex) of a key's secret part."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_key() -> NewKey:
    """A new random API key."""
    prefix = secrets.token_hex(4)
    secret = secrets.token_urlsafe(32)
    return NewKey(f"{KEY_PREFIX}_{prefix}_{secret}", prefix, hash_secret(secret))


def split_key(text: str) -> tuple[str, str] | None:
    """``(prefix, secret)`` of a key's text, or None when it is not shaped like our keys.

    Our keys are ASCII with an alphanumeric prefix of at most 32 characters; anything
    else (a NUL, a lone surrogate, a megabyte) is refused here, as an unknown key, rather
    than looked up in a database that may fail on it.
    """
    parts = text.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX or not parts[1] or not parts[2]:
        return None
    prefix, secret = parts[1], parts[2]
    if not (prefix.isascii() and prefix.isalnum() and len(prefix) <= 32 and secret.isascii()):
        return None
    return prefix, secret


def secret_matches(secret: str, stored_hash: str) -> bool:
    """Whether ``secret`` hashes to ``stored_hash``, compared in constant time."""
    return hmac.compare_digest(hash_secret(secret), stored_hash)


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """``scrypt$N$r$p$<salt hex>$<hash hex>``: self-describing, so costs can rise later."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        maxmem=64 * 1024 * 1024,
        dklen=32,
    )
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


@functools.cache
def stand_in_hash() -> str:
    """A hash made once, to check a password against when the user does not exist: the
    same work as for one who does (hashing one there and then was a second scrypt, and a
    name's existence showed in the answer's time: 60 ms against 130)."""
    return hash_password(secrets.token_urlsafe(16))


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches a :func:`hash_password` value."""
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
        if scheme != "scrypt":
            return False
        digest = hashlib.scrypt(
            password.encode("utf-8"),
            salt=bytes.fromhex(salt_hex),
            n=int(n),
            r=int(r),
            p=int(p),
            maxmem=64 * 1024 * 1024,
            dklen=len(digest_hex) // 2,
        )
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), digest_hex)
