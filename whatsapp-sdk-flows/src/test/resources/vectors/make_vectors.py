#!/usr/bin/env python3
"""Writes the known-answer vectors for the Flows data-endpoint cipher.

Independent of the Java code: the keys come from Python's `cryptography` package and the
`openssl` command line, the requests are encrypted with `cryptography`'s RSA-OAEP
(SHA-256, MGF1-SHA-256, empty label) and AES-128-GCM with a 16-byte IV and the 16-byte tag
appended, and each expected response is AES-128-GCM under the same key with every IV bit
inverted. Run from this directory:

    python3 make_vectors.py

It rewrites the *.pem files and vectors.json. The passphrase of every encrypted key is
"flows-test-passphrase". The output is committed; re-running it changes every value (the
key, the OAEP padding and the AES keys are random), so the test reads whatever is here.
"""

import base64
import json
import os
import subprocess

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PASSPHRASE = b"flows-test-passphrase"
HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def openssl(*args, stdin=None):
    return subprocess.run(
        ["openssl", *args], input=stdin, check=True, capture_output=True
    ).stdout


def oaep():
    return padding.OAEP(
        mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None
    )


def b64(data):
    return base64.b64encode(data).decode("ascii")


def main():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pkcs8 = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    pw = "pass:" + PASSPHRASE.decode()
    forms = {
        "pkcs8.pem": pkcs8,
        # PBES2 with PBKDF2 and AES-256-CBC, written by cryptography.
        "pkcs8-pbes2-aes256.pem": key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(PASSPHRASE),
        ),
        # PBES2 with PBKDF2-HMAC-SHA256 and DES-EDE3-CBC: what `openssl genrsa -des3` writes on OpenSSL 3.
        "pkcs8-pbes2-des3.pem": openssl(
            "pkcs8", "-topk8", "-v2", "des3", "-passout", pw, stdin=pkcs8
        ),
        # PKCS#1 ("BEGIN RSA PRIVATE KEY"), plain.
        "pkcs1.pem": openssl("rsa", "-traditional", stdin=pkcs8),
        # PKCS#1 with OpenSSL's legacy encryption (DEK-Info), DES-EDE3-CBC: Meta's Node generator's form.
        "pkcs1-des3.pem": openssl(
            "rsa", "-traditional", "-des3", "-passout", pw, stdin=pkcs8
        ),
        # PKCS#1 with legacy AES-128-CBC and AES-256-CBC.
        "pkcs1-aes128.pem": openssl(
            "rsa", "-traditional", "-aes128", "-passout", pw, stdin=pkcs8
        ),
        "pkcs1-aes256.pem": key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.BestAvailableEncryption(PASSPHRASE),
        ),
    }
    for name, pem in forms.items():
        write(name, pem)
    write(
        "public.pem",
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ),
    )
    write(
        "other-pkcs8.pem",
        other.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
    )

    padding_1k = "x" * 900
    cases = [
        ("ping", {"version": "3.0", "action": "ping"}, {"data": {"status": "active"}}),
        (
            "init",
            {"version": "3.0", "action": "INIT", "flow_token": "tok-init-1"},
            {"screen": "BOOKING", "data": {"slots": ["09:00", "10:30"]}},
        ),
        (
            "data_exchange_unicode",
            {
                "version": "4.0",
                "action": "data_exchange",
                "screen": "DETAILS",
                "data": {"name": "Zoë Ñandú", "party": 4, "note": "🍕 and ☕"},
                "flow_token": "tok-é-2",
                "flow_token_signature": "aGVhZGVy.cGF5bG9hZA.c2ln",
            },
            {"screen": "CONFIRM", "data": {"greeting": "¡Hola, Zoë!"}},
        ),
        (
            "back",
            {"version": "3.0", "action": "BACK", "screen": "CONFIRM", "data": {}, "flow_token": "t3"},
            {"screen": "DETAILS", "data": {}},
        ),
        (
            "error_notification",
            {
                "version": "3.0",
                "action": "data_exchange",
                "screen": "DETAILS",
                "data": {"error": "invalid_screen", "error_message": "Screen not found"},
                "flow_token": "t4",
            },
            {"data": {"acknowledged": True}},
        ),
        (
            "one_kilobyte",
            {
                "version": "3.0",
                "action": "data_exchange",
                "screen": "ORDER",
                "data": {"notes": padding_1k},
                "flow_token": "tok-1k",
            },
            {"screen": "ORDER_DONE", "data": {"total": 1234}},
        ),
    ]

    vectors = []
    for name, request, response in cases:
        plaintext = json.dumps(request, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        aes_key = os.urandom(16)
        iv = os.urandom(16)
        body = {
            "encrypted_flow_data": b64(AESGCM(aes_key).encrypt(iv, plaintext, None)),
            "encrypted_aes_key": b64(key.public_key().encrypt(aes_key, oaep())),
            "initial_vector": b64(iv),
        }
        body_text = json.dumps(body)
        if name == "data_exchange_unicode":
            # Meta's sample bodies escape slashes inside the base64 strings.
            body_text = body_text.replace("/", "\\/")
        response_text = json.dumps(response, ensure_ascii=False, separators=(",", ":"))
        flipped = bytes(b ^ 0xFF for b in iv)
        expected = b64(AESGCM(aes_key).encrypt(flipped, response_text.encode("utf-8"), None))
        vectors.append(
            {
                "name": name,
                "body": body_text,
                "plaintext": plaintext.decode("utf-8"),
                "aes_key_hex": aes_key.hex(),
                "iv_hex": iv.hex(),
                "response": response_text,
                "expected_response": expected,
            }
        )

    # Encrypted to another key pair: the business key cannot unwrap it (HTTP 421).
    aes_key = os.urandom(16)
    iv = os.urandom(16)
    wrong = {
        "encrypted_flow_data": b64(AESGCM(aes_key).encrypt(iv, b'{"action":"ping"}', None)),
        "encrypted_aes_key": b64(other.public_key().encrypt(aes_key, oaep())),
        "initial_vector": b64(iv),
    }
    # OAEP with MGF1-SHA-1: what the JDK's OAEPWithSHA-256AndMGF1Padding default expects.
    sha1_mgf = {
        "encrypted_flow_data": b64(AESGCM(aes_key).encrypt(iv, b'{"action":"ping"}', None)),
        "encrypted_aes_key": b64(
            key.public_key().encrypt(
                aes_key,
                padding.OAEP(
                    mgf=padding.MGF1(algorithm=hashes.SHA1()),
                    algorithm=hashes.SHA256(),
                    label=None,
                ),
            )
        ),
        "initial_vector": b64(iv),
    }
    out = {
        "passphrase": PASSPHRASE.decode(),
        "key_forms": sorted(forms),
        "vectors": vectors,
        "wrong_key_body": json.dumps(wrong),
        "mgf1_sha1_body": json.dumps(sha1_mgf),
    }
    write("vectors.json", (json.dumps(out, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


if __name__ == "__main__":
    main()
