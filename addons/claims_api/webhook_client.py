# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The HTTP side of outbound webhooks: the address check, signing, one POST, and what its
answer means.

Plain Python (no ORM), as a connector's ``client.py``: ``claims.webhook`` builds the body and
stores the exchange; this module signs and sends it, and turns failures into the framework's
errors: ``RetryableError`` for a timeout, a lost connection, a name that does not resolve,
408, 425, 429 or 5xx (with the delay of the backoff schedule, or the receiver's
``Retry-After``), ``PermanentError`` for any other 4xx or 3xx and for a refused URL.

A subscriber chooses the URL, so each delivery checks the address it connects to
(``get_destination``): the URL is read once, by urllib3's parser after requests' own
preparation (what ``requests.post`` would connect to), and refused when that reading could
differ from another one (user info, backslashes, whitespace, percent signs or an odd port in
the host part) or when the scheme is not http(s); the host is resolved once, refused when any
of its addresses is not public (see ``is_public_address``), and the connection goes to the
first of those checked addresses, with the URL's host in ``Host`` and, over https, as the TLS
server name and the name the certificate must carry. Nothing resolves the name again, no
redirect is followed, no proxy of the environment is used, and of the answer only the status
and at most MAX_ANSWER_BYTES bytes (of an answer that is not 2xx) are kept.
"""

import hashlib
import hmac
import ipaddress
import os
import re
import socket
import time
from typing import NamedTuple
from urllib.parse import urlsplit

import requests
import urllib3
from urllib3.exceptions import HTTPError, LocationParseError, NewConnectionError
from urllib3.exceptions import TimeoutError as Urllib3TimeoutError
from urllib3.util import parse_url

from odoo.addons.claims_connector.connector.exceptions import PermanentError, RetryableError

# The headers of a delivery (README: "Webhooks"; receivers check the signature).
EVENT_HEADER = "X-Claims-Event"
DELIVERY_HEADER = "X-Claims-Delivery"
TIMESTAMP_HEADER = "X-Claims-Timestamp"
SIGNATURE_HEADER = "X-Claims-Signature"
# Answers worth another try besides 5xx.
RETRYABLE_STATUSES = {408, 425, 429}
# Seconds to wait after the nth failed attempt; the last one repeats (about 6 h for 10).
BACKOFF = (10, 30, 60, 300, 900, 3600)
MAX_ATTEMPTS = 10
# Longest Retry-After honoured, in seconds; a longer one waits this long.
MAX_RETRY_AFTER = 3600
USER_AGENT = "claims-suite-webhooks/1"
# Bytes of a failed answer kept in the exchange log; the rest is never read.
MAX_ANSWER_BYTES = 300
MAX_URL_LENGTH = 2048
DEFAULT_PORTS = {"http": 80, "https": 443}
# A port as written in a URL: decimal, no sign, no leading zero.
PORT_RE = re.compile(r"[1-9][0-9]{0,4}")
# Networks that Python's ipaddress may call global but no webhook reaches.
NOT_PUBLIC_NETWORKS = tuple(ipaddress.ip_network(network) for network in (
    "0.0.0.0/8",  # "this network"
    "100.64.0.0/10",  # shared address space (carrier-grade NAT)
    "192.0.0.0/24",  # IETF protocol assignments
    "192.88.99.0/24",  # 6to4 relays (deprecated)
    "224.0.0.0/4",  # multicast
    "240.0.0.0/4",  # reserved, and the broadcast address
    "::/96",  # IPv4-compatible (deprecated), with :: and ::1
    "::ffff:0:0:0/96",  # IPv4-translated
    "64:ff9b:1::/48",  # NAT64, local use
    "2001::/23",  # IETF protocol assignments, Teredo among them
    "2001:db8::/32",  # documentation
    "fc00::/7",  # unique local
    "fe80::/10",  # link-local
    "fec0::/10",  # site-local (deprecated)
    "ff00::/8",  # multicast
))
# NAT64's well-known prefix: the address is as public as the IPv4 address it carries.
NAT64_NETWORK = ipaddress.ip_network("64:ff9b::/96")
# IPv6 prefixes whose last 32 bits are an IPv4 address: compatible, translated, NAT64.
IPV4_CARRYING_NETWORKS = (
    ipaddress.ip_network("::/96"), ipaddress.ip_network("::ffff:0:0:0/96"), NAT64_NETWORK,
)


class RefusedDestination(PermanentError):
    """A URL webhooks never call: unclear, not http(s), or not a public address."""

    default_kind = "invalid_url"


class Destination(NamedTuple):
    """Where one delivery goes: the URL as the HTTP library reads it, and the checked
    addresses of its host, in the resolver's order."""

    scheme: str
    host: str  # lower case, IDNA-encoded, without the brackets of an IPv6 address
    port: int
    target: str  # path and query
    addresses: tuple

    @property
    def host_header(self):
        host = f"[{self.host}]" if ":" in self.host else self.host
        if self.port != DEFAULT_PORTS[self.scheme]:
            return f"{host}:{self.port}"
        return host


def sign(secret, timestamp, body):
    """HMAC-SHA256 hex digest of ``<timestamp>.<body>`` (body as sent, bytes)."""
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(secrets, timestamp, body):
    """``v1=<hex>[,v1=<hex>...]``: one signature per secret, current secret first."""
    return ",".join(f"v1={sign(secret, timestamp, body)}" for secret in secrets if secret)


def backoff(attempt):
    """Seconds before the next try after failed attempt number ``attempt`` (1-based)."""
    return BACKOFF[min(max(attempt, 1), len(BACKOFF)) - 1]


# ---------------------------------------------------------------------- the address check


def embedded_ipv4(address):
    """The IPv4 addresses an IPv6 address carries (mapped, compatible, translated, 6to4,
    NAT64, Teredo server and client); none for an IPv4 address."""
    if address.version == 4:
        return []
    carried = [address.ipv4_mapped, address.sixtofour, *(address.teredo or ())]
    if any(address in network for network in IPV4_CARRYING_NETWORKS):
        carried.append(_last_32_bits(address))
    return [ip for ip in carried if ip is not None]


def _last_32_bits(address):
    return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)


def is_public_address(address):
    """Whether a webhook may connect to ``address`` (an ``ipaddress`` address): a global
    unicast address, and so is every IPv4 address it carries.

    Refused: loopback, private, link-local, shared, multicast, reserved, unspecified,
    documentation and site-local addresses; IPv4-mapped, IPv4-compatible and IPv4-translated
    addresses (``::ffff:127.0.0.1``, ``::127.0.0.1``), Teredo, and 6to4 or NAT64 addresses
    of such an IPv4 address (``2002:7f00:1::``, ``64:ff9b::7f00:1``). A NAT64 or 6to4
    address of a public IPv4 address is public.
    """
    if getattr(address, "scope_id", None):  # an IPv6 address with a zone: link-local
        return False
    if address.version == 6 and address in NAT64_NETWORK:  # in ::/8, "reserved" to Python
        return is_public_address(_last_32_bits(address))
    if not address.is_global or any((
            address.is_private, address.is_loopback, address.is_link_local,
            address.is_multicast, address.is_reserved, address.is_unspecified,
            getattr(address, "is_site_local", False))):
        return False
    if any(address in network for network in NOT_PUBLIC_NETWORKS
           if network.version == address.version):
        return False
    return all(is_public_address(carried) for carried in embedded_ipv4(address))


def _authority(url):
    """The host part of a URL as written (between ``//`` and the first ``/``, ``?`` or
    ``#``); only used to refuse more, never to choose where to connect."""
    rest = url.split("://", 1)[1] if "://" in url else ""
    return re.split(r"[/?#]", rest, maxsplit=1)[0]


def parse_webhook_url(url):
    """``(scheme, host, port, target)`` of ``url`` as requests and urllib3 read it.

    :raises RefusedDestination: the URL is not one clear absolute http(s) URL: user info,
        backslash, whitespace or control characters, a percent sign or an odd port in the
        host part, another scheme, no host
    """
    def refuse(reason):
        return RefusedDestination(f"Refused URL: {reason}.", kind="invalid_url")

    if not isinstance(url, str) or not url:
        raise refuse("no URL")
    if len(url) > MAX_URL_LENGTH:
        raise refuse(f"longer than {MAX_URL_LENGTH} characters")
    if "\\" in url:
        raise refuse("it contains a backslash")
    if any(char.isspace() or not char.isprintable() for char in url):
        raise refuse("it contains spaces or control characters")
    authority = _authority(url)
    if "@" in authority:
        raise refuse("user names and passwords are not allowed in the URL")
    if "%" in authority:
        raise refuse("the host part contains a percent sign")
    host_and_port = authority.rsplit("]", 1)[-1]  # what follows an IPv6 address
    if ":" in host_and_port and not PORT_RE.fullmatch(host_and_port.partition(":")[2]):
        raise refuse("the port must be a number from 1 to 65535")
    try:
        prepared = requests.PreparedRequest()
        prepared.prepare_url(url, None)
        parsed = parse_url(prepared.url)
        other = urlsplit(prepared.url)
        other_port = other.port
    except (requests.RequestException, LocationParseError, ValueError, UnicodeError) as error:
        raise refuse(f"it cannot be read ({error})") from error
    scheme = (parsed.scheme or "").lower()
    if scheme not in DEFAULT_PORTS:
        raise refuse("only http and https URLs are called")
    if parsed.auth or other.username is not None or other.password is not None:
        raise refuse("user names and passwords are not allowed in the URL")
    host = (parsed.host or "").lower()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    port = parsed.port or DEFAULT_PORTS[scheme]
    if not host or (other.hostname or "") != host or (other_port or DEFAULT_PORTS[scheme]) != port:
        raise refuse("its host or port reads differently to different URL parsers")
    if not 1 <= port <= 65535:
        raise refuse("the port must be a number from 1 to 65535")
    return scheme, host, port, parsed.request_uri or "/"


def get_destination(url, allow_private=False):
    """Read ``url``, resolve its host once and check every address; return the
    ``Destination`` a delivery connects to.

    :param allow_private: accept addresses that are not public (tests, intranets)
    :raises RefusedDestination: refused URL (kind ``invalid_url``), or an address that is not
        public (kind ``private_address``)
    :raises RetryableError: the host does not resolve (kind ``dns``)
    """
    scheme, host, port, target = parse_webhook_url(url)
    try:
        infos = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise RetryableError(f"{host} does not resolve: {error}", kind="dns") from error
    addresses = []
    for family, _type, _proto, _name, sockaddr in infos:
        if family not in (socket.AF_INET, socket.AF_INET6):
            continue
        try:
            address = ipaddress.ip_address(sockaddr[0])
        except ValueError:
            address = None
        scoped = address is None or getattr(address, "scope_id", None) or (
            family == socket.AF_INET6 and sockaddr[3])
        if scoped or (not allow_private and not is_public_address(address)):
            raise RefusedDestination(
                f"Refused: {host} resolves to {sockaddr[0]}, which is not a public address.",
                kind="private_address")
        if str(address) not in addresses:
            addresses.append(str(address))
    if not addresses:
        raise RetryableError(f"{host} does not resolve to an IP address.", kind="dns")
    return Destination(scheme, host, port, target, tuple(addresses))


# ---------------------------------------------------------------------- sending


def _ca_bundle():
    """The CA certificates requests would verify with."""
    return (os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
            or requests.utils.DEFAULT_CA_BUNDLE_PATH)


def _connection_pool(destination, address, timeout):
    """A urllib3 pool that connects to ``address`` only, never to a name."""
    host = f"[{address}]" if ":" in address else address
    options = {
        "timeout": urllib3.Timeout(connect=timeout, read=timeout),
        "maxsize": 1,
        "retries": False,
    }
    if destination.scheme == "https":
        return urllib3.HTTPSConnectionPool(
            host, destination.port, cert_reqs="CERT_REQUIRED", ca_certs=_ca_bundle(),
            server_hostname=destination.host, assert_hostname=destination.host, **options)
    return urllib3.HTTPConnectionPool(host, destination.port, **options)


def _excerpt(response):
    """At most MAX_ANSWER_BYTES of the answer's body, as printable text."""
    try:
        data = response.read(MAX_ANSWER_BYTES, decode_content=False) or b""
    except (HTTPError, OSError):
        return ""
    text = data[:MAX_ANSWER_BYTES].decode("utf-8", "replace")
    return "".join(char if char.isprintable() or char in "\n\t" else "?" for char in text)


def _retry_after(response):
    value = (response.headers.get("Retry-After") or "").strip()
    if not value.isdigit():
        return None
    return min(int(value), MAX_RETRY_AFTER)


def deliver(url, body, event, delivery_id, secrets, timeout, attempt, now=None,
            allow_private=False):
    """Check the address, POST one signed delivery to it; return the status of a 2xx answer.

    :param body: the JSON body, bytes, the same on every attempt
    :param secrets: the secrets to sign with (current, then previous in its grace period)
    :param attempt: the number of this attempt, for the backoff of a retry
    :param allow_private: let the delivery reach addresses that are not public
    :raises RetryableError: timeout, connection error, name that does not resolve,
        408/425/429, 5xx
    :raises PermanentError: refused URL or address (``RefusedDestination``, nothing sent),
        3xx (redirects are not followed), any other answer that is not 2xx
    """
    destination = get_destination(url, allow_private=allow_private)
    timestamp = int(now or time.time())
    headers = {
        "Host": destination.host_header,
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        EVENT_HEADER: event,
        DELIVERY_HEADER: delivery_id,
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: signature_header(secrets, timestamp, body),
    }
    pool = _connection_pool(destination, destination.addresses[0], timeout)
    try:
        response = pool.urlopen(
            "POST", destination.target, body=body, headers=headers, retries=False,
            redirect=False, assert_same_host=False, preload_content=False,
            decode_content=False,
        )
        try:
            status = response.status
            if 200 <= status < 300:
                return status
            retry_after = _retry_after(response)
            excerpt = _excerpt(response) if not 300 <= status < 400 else ""
        finally:
            response.close()
    except NewConnectionError as error:
        raise RetryableError(
            f"Connection failed: {error}", kind="connection", retry_after=backoff(attempt)
        ) from error
    except (Urllib3TimeoutError, TimeoutError) as error:
        raise RetryableError(
            f"No answer within {timeout} s (timed out): {error}", kind="timeout",
            retry_after=backoff(attempt),
        ) from error
    except (HTTPError, OSError) as error:
        raise RetryableError(
            f"Connection failed: {error}", kind="connection", retry_after=backoff(attempt)
        ) from error
    finally:
        pool.close()
    if 300 <= status < 400:
        raise PermanentError(
            f"HTTP {status}: redirects are not followed; subscribe the final URL.",
            kind=f"http_{status}")
    message = f"HTTP {status}: {excerpt}"
    if status >= 500 or status in RETRYABLE_STATUSES:
        raise RetryableError(
            message, kind=f"http_{status}", retry_after=retry_after or backoff(attempt),
        )
    raise PermanentError(message, kind=f"http_{status}")
