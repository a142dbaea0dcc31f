# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The address check of webhooks (connector/webhook_client.py), without a database: every
URL a subscriber could use to reach something else than a public host is refused before any
connection, and a public URL keeps its host for the request."""

import socket
from unittest.mock import patch

from odoo.tests import BaseCase

from odoo.addons.claims_api.webhook_client import (
    RefusedDestination,
    get_destination,
)
from odoo.addons.claims_connector.connector.exceptions import RetryableError

from .common_webhook import resolving


class TestClaimsWebhookGuard(BaseCase):
    def _assert_refused(self, url, kind, allow_private=False):
        with self.subTest(url=url):
            with self.assertRaises(RefusedDestination) as caught:
                get_destination(url, allow_private=allow_private)
            self.assertEqual(caught.exception.kind, kind)

    def test_urls_that_parsers_read_differently_are_refused_unresolved(self):
        urls = [
            # user info: the host urlsplit sees is not the one urllib3 connects to
            "http://user:pw@partner.example/hooks",
            "http://user@partner.example/hooks",
            "http://:pw@partner.example/hooks",
            "http://partner.example@127.0.0.1/hooks",
            "http://a@b@127.0.0.1/",
            "http://partner.example%40127.0.0.1/",
            # backslashes: urlsplit reads evil.example as the host, urllib3 partner.example
            "http://partner.example\\@evil.example/",
            "http://127.0.0.1\\@partner.example/",
            "http:\\\\127.0.0.1\\hooks",
            # percent signs in the host: urllib3 decodes %6c... to "localhost"
            "http://%6c%6f%63%61%6c%68%6f%73%74/",
            "http://[fe80::1%25eth0]/",
            # odd or invalid ports
            "http://partner.example:080/",
            "http://partner.example:/",
            "http://partner.example:0/",
            "http://partner.example:+443/",
            "http://partner.example:65536/",
            "http://partner.example:80:80/",
            "http://partner.example:8o/",
            # whitespace and control characters
            " http://partner.example/",
            "http://partner.example/\n",
            "http://partner.example\t/",
            "http://partner.example/a b",
            "http://partner.example/\x00",
            # not http(s), or no host
            "ftp://partner.example/hooks",
            "file:///etc/passwd",
            "gopher://127.0.0.1:25/",
            "javascript:alert(1)",
            "//partner.example/hooks",
            "http:partner.example/hooks",
            "http:///hooks",
            "",
            "http://" + "a" * 2100 + ".example/",
        ]
        with resolving({}) as looked_up:
            for url in urls:
                self._assert_refused(url, "invalid_url")
            # and, with private hosts allowed (tests, intranets), these stay refused
            for url in urls[:10]:
                self._assert_refused(url, "invalid_url", allow_private=True)
        self.assertEqual(looked_up, [], "a refused URL is not even resolved")

    def test_addresses_that_are_not_public_are_refused(self):
        hosts = [
            # IPv4: loopback in every spelling the resolver accepts, private, link-local
            # (cloud metadata), shared, "this network", multicast, broadcast, benchmarks
            "127.0.0.1", "127.1", "2130706433", "0x7f000001", "0x7f.1", "0177.0.0.1",
            "10.0.0.1", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "0", "224.0.0.1", "239.255.255.250", "255.255.255.255",
            "198.18.0.1", "192.0.0.8", "192.0.2.1", "240.0.0.1",
            # IPv6: loopback, unspecified, unique local, link-local, site-local, multicast,
            # documentation
            "[::1]", "[::]", "[fd00::1]", "[fe80::1]", "[fec0::1]", "[ff02::1]",
            "[2001:db8::1]",
            # IPv6 forms that carry an IPv4 loopback or private address
            "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::ffff:10.0.0.1]",
            "[::ffff:8.8.8.8]",  # even a public one: a mapped address is not an IPv6 host
            "[::127.0.0.1]", "[::10.0.0.1]",  # IPv4-compatible
            "[::ffff:0:127.0.0.1]",  # IPv4-translated
            "[2002:7f00:1::]", "[2002:a00:1::1]", "[2002:a9fe:a9fe::1]",  # 6to4
            "[64:ff9b::127.0.0.1]", "[64:ff9b::a00:1]", "[64:ff9b::a9fe:a9fe]",  # NAT64
            "[64:ff9b:1::8.8.8.8]",  # NAT64 local use
            "[2001:0:4136:e378:8000:63bf:3fff:fdd2]",  # Teredo
            "[2001:0:7f00:1:0:0:80ff:fffe]",  # Teredo with a loopback server
        ]
        for host in hosts:
            self._assert_refused(f"http://{host}/hooks", "private_address")
            self._assert_refused(f"https://{host}:8443/hooks", "private_address")

    def test_names_resolving_to_one_address_that_is_not_public_are_refused(self):
        names = {
            "localhost.partner.example": ["127.0.0.1"],
            "mixed.partner.example": ["93.184.215.14", "10.0.0.7"],
            "six.partner.example": ["2606:2800:21f:cb07:6820:80da:af6b:8b2c", "::1"],
            "mapped.partner.example": ["::ffff:169.254.169.254"],
            "nat64.partner.example": ["64:ff9b::7f00:1"],
        }
        with resolving(names):
            for name in names:
                self._assert_refused(f"https://{name}/hooks", "private_address")
            self._assert_refused("http://localhost/hooks", "private_address")

    def test_public_url_keeps_its_host_for_the_request_and_the_certificate(self):
        with resolving({"hooks.partner.example": [
                "93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "93.184.215.14"]}):
            destination = get_destination("https://Hooks.Partner.Example:8443/in?x=1#frag")
        self.assertEqual(destination.scheme, "https")
        self.assertEqual(destination.host, "hooks.partner.example")
        self.assertEqual(destination.port, 8443)
        self.assertEqual(destination.target, "/in?x=1", "the fragment is not sent")
        self.assertEqual(destination.host_header, "hooks.partner.example:8443")
        self.assertEqual(destination.addresses,
                         ("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"))
        with resolving({"hooks.partner.example": ["93.184.215.14"]}):
            self.assertEqual(get_destination("http://hooks.partner.example").host_header,
                             "hooks.partner.example")
        # NAT64 and 6to4 forms of a public IPv4 address are public
        for host in ("[64:ff9b::5db8:d70e]", "[2002:5db8:d70e::1]", "[2606:4700::1111]"):
            self.assertTrue(get_destination(f"https://{host}/hooks").addresses)

    def test_private_hosts_are_reached_only_when_allowed(self):
        destination = get_destination("http://127.0.0.1:8069/hooks", allow_private=True)
        self.assertEqual((destination.addresses, destination.port), (("127.0.0.1",), 8069))
        self._assert_refused("http://127.0.0.1:8069/hooks", "private_address")

    def test_name_that_does_not_resolve_is_retried_later(self):
        def no_answer(*args, **kwargs):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

        with patch("socket.getaddrinfo", no_answer), self.assertRaises(RetryableError) as caught:
            get_destination("https://hooks.partner.example/in")
        self.assertEqual(caught.exception.kind, "dns")
