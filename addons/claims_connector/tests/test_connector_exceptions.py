# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import ast
from pathlib import Path

from odoo.tests import BaseCase

from odoo.addons.claims_connector.connector import exceptions


class TestConnectorExceptions(BaseCase):
    def test_exceptions_module_imports_nothing_from_odoo(self):
        source = Path(exceptions.__file__).read_text()
        imported = [
            node.module if isinstance(node, ast.ImportFrom) else alias.name
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        ]
        self.assertFalse([name for name in imported if name and "odoo" in name])

    def test_retryable_error_carries_retry_after_and_kind(self):
        error = exceptions.RetryableError("429 Too Many Requests", kind="http_429", retry_after=3)
        self.assertIsInstance(error, exceptions.ConnectorError)
        self.assertEqual((error.kind, error.retry_after, str(error)),
                         ("http_429", 3, "429 Too Many Requests"))

    def test_permanent_error_is_not_retryable(self):
        error = exceptions.PermanentError("schema invalid")
        self.assertNotIsInstance(error, exceptions.RetryableError)
        self.assertEqual(error.kind, "permanent")
