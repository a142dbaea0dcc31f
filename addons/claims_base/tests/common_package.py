# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import os
from email.message import EmailMessage
from email.utils import make_msgid

from odoo.addons.mail.tests.common import MockEmail

from .common import ClaimsCommon

# A one-page PDF and a 1x1 PNG: small real files for documents and reply attachments.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]"
    b"/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
PNG_BYTES = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)

RAW_FROM_PLACEHOLDER = "raw-from@placeholder.invalid"


class ClaimsPackageCommon(ClaimsCommon, MockEmail):
    """A claim with documents, an alias domain, and outsiders (a lawyer, an expert) to mail."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alias_domain = cls.env["mail.alias.domain"].create({
            "name": "claims.example.com",
            "catchall_alias": "catchall",
            "bounce_alias": "bounce",
            "default_from": "notifications",
        })
        (cls.company | cls.branch).alias_domain_id = cls.alias_domain
        cls.env.company.alias_domain_id = cls.alias_domain
        cls.lawyer = cls.env["res.partner"].create(
            {"name": "Lara Lawyer", "email": "Lara.Lawyer@lawfirm.example"}
        )
        cls.expert = cls.env["res.partner"].create(
            {"name": "Erik Expert", "email": "erik@experts.example"}
        )
        cls.category_photo = cls.env.ref("claims_base.claims_document_category_photo")
        cls.category_police = cls.env.ref("claims_base.claims_document_category_police_report")
        cls.category_correspondence = cls.env.ref(
            "claims_base.claims_document_category_correspondence"
        )
        cls.claim.write({"user_id": cls.user_handler.id, "description": "Rear-ended at a light."})
        cls.claim.message_subscribe(partner_ids=cls.user_handler.partner_id.ids)
        cls.doc_photo = cls._add_document("front.png", PNG_BYTES, cls.category_photo)
        cls.doc_police = cls._add_document("police-report.pdf", PDF_BYTES, cls.category_police)
        # post the set-up's tracking now: records created in this transaction are not tracked
        # again before its commit, and the tests run inside it
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    @classmethod
    def _add_document(cls, name, content, category, claim=None, published=False):
        return cls.env["claims.document"].create({
            "name": name,
            "is_published": published,
            "claim_id": (claim or cls.claim).id,
            "category_id": category.id,
            "datas": base64.b64encode(content),
        })

    def _send_package(self, partners, documents, user=None, **context):
        wizard = self.env["claims.package.send"].with_user(user or self.user_handler).with_context(
            default_claim_id=self.claim.id, **context
        ).create({
            "partner_ids": [(6, 0, partners.ids)],
            "document_ids": [(6, 0, documents.ids)],
            "note": "<p>Dear Counsel, the file as discussed.</p>",
        })
        before = self.claim.package_ids
        with self.mock_mail_gateway():
            wizard.action_send()
        self.sent_mails = list(self._mails)
        return self.claim.package_ids - before

    def _sent_mail_to(self, email):
        mails = [m for m in self.sent_mails if any(email.lower() in to.lower()
                                                   for to in m["email_to"])]
        self.assertEqual(len(mails), 1, f"one mail to {email}")
        return mails[0]

    def _reply(self, *, email_from, to, cc=None, subject="Re: your file", references=None,
               attachment=("counter-offer.pdf", PDF_BYTES, "application", "pdf"),
               body="Please find our position attached.", headers=None, raw_from=None):
        """A raw RFC 822 reply, as a mail client sends it, fed through the mail gateway.

        ``headers``: more headers (name: value); ``raw_from``: the From header's bytes as
        they come, however malformed (two mailboxes, a second From line).
        """
        message = EmailMessage()
        message["From"] = RAW_FROM_PLACEHOLDER if raw_from else email_from
        for name, value in (headers or {}).items():
            message[name] = value
        message["To"] = to
        if cc:
            message["Cc"] = cc
        message["Subject"] = subject
        message["Message-ID"] = make_msgid(domain="lawfirm.example")
        message["Date"] = "Fri, 20 Nov 2026 10:00:00 +0000"
        if references:
            message["References"] = references
            message["In-Reply-To"] = references
        message.set_content(body)
        if attachment:
            name, content, maintype, subtype = attachment
            message.add_attachment(content, maintype=maintype, subtype=subtype, filename=name)
        raw = message.as_bytes()
        if raw_from:
            raw = raw.replace(f"From: {RAW_FROM_PLACEHOLDER}".encode(), b"From: " + raw_from, 1)
        with self.mock_mail_gateway():
            self.env["mail.thread"].sudo().message_process(None, raw)
        return message["Message-ID"]

    @staticmethod
    def _random_bytes(size):
        return os.urandom(size)
