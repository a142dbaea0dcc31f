# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from ..tools import wipe

# Models whose links to a partner do not make it "used elsewhere": the partner's own
# records (bank accounts, contacts), and mail's bookkeeping (authors, followers,
# recipients), which the anonymisation itself blanks on the anonymised records.
IGNORED_MODEL_PREFIXES = (
    "res.partner", "mail.", "ir.", "bus.", "discuss.", "portal.", "base", "web", "iap.",
    "claims.retention.",
)
# What an anonymised person loses besides every text field of the contact (contact details
# that other addons add, such as a connector's home phone, included).
PERSONAL_FIELDS = ("state_id", "country_id", "image_1920", "category_id", "title")


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _claims_retention_private(self):
        """The partners of ``self`` that are private people seen on anonymised records only.

        A partner is anonymised with a claim or incident when it is a person (not a company,
        nor a contact of one, nor the parent of contacts), has no user, no claims role (the
        directory of insurers, garages, experts, drivers) and is the partner of no company,
        and when no other record still refers to it: no claim, incident or line of them that is
        not anonymised yet, and no other record at all (a policy, an external id, a vehicle's
        driver...). Shared insurers, garages and brokers are therefore never touched.
        """
        partners = self.sudo().with_context(active_test=False).filtered(
            lambda p: not p.is_company and not p.parent_id and not p.child_ids
            and not p.user_ids and not p.claims_role_ids
        )
        if not partners:
            return partners
        used = set()
        for model_name, field_name in self._claims_retention_partner_links():
            Model = self.env[model_name].sudo().with_context(active_test=False)
            domain = [(field_name, "in", partners.ids)] + self._claims_retention_live(Model)
            for (partner_group,) in Model._read_group(domain, [field_name]):
                used.update(partner_group.ids)
        return partners.filtered(lambda p: p.id not in used)

    def _claims_retention_partner_links(self):
        """(model, field) of every stored link to a partner that may keep it in use."""
        links = []
        for model_name, Model in self.env.registry.items():
            if (Model._abstract or Model._transient or not Model._auto
                    or model_name.startswith(IGNORED_MODEL_PREFIXES)):
                continue
            for name, field in Model._fields.items():
                if (field.type in ("many2one", "many2many") and field.store
                        and field.comodel_name == "res.partner"):
                    links.append((model_name, name))
        return links

    def _claims_retention_live(self, Model):
        """Domain of the records of ``Model`` that are not anonymised (nor lines of one)."""
        domain = []
        if "anonymised_on" in Model._fields:
            domain.append(("anonymised_on", "=", False))
        for parent in ("claim_id", "incident_id"):
            field = Model._fields.get(parent)
            if field is not None and field.type == "many2one" and field.store and (
                    "anonymised_on" in self.env[field.comodel_name]._fields):
                domain += ["|", (parent, "=", False), (f"{parent}.anonymised_on", "=", False)]
        return domain

    def _claims_retention_anonymise_private(self):
        """Anonymise the private people among these partners (see _claims_retention_private):
        name replaced, contact details, address, notes, picture, bank accounts and chatter
        removed, archived."""
        partners = self._claims_retention_private()
        if not partners:
            return partners
        values = {name: False for name in PERSONAL_FIELDS if name in partners._fields}
        values.update({
            name: False for name, field in partners._fields.items()
            if field.type in ("char", "text", "html") and field.store and not field.compute
            and not field.related and not field.required and name != "name"
        })
        values.update(name=self.env._("Anonymised person"), active=False)
        if "partner_latitude" in partners._fields:
            values.update(partner_latitude=0.0, partner_longitude=0.0)
        partners.with_context(tracking_disable=True, mail_notrack=True).write(values)
        partners.bank_ids.unlink()
        targets = {"res.partner": partners.ids}
        wipe.delete_attachments(self.env, targets)
        wipe.blank_messages(self.env, targets, self.env._("Anonymised"))
        return partners
