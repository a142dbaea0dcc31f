# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Where PolicyPort's vendors go: the vendor list of the initial load and the contact type of
the parties of a claim. Code tables and pure functions, no ORM."""

# Contact types of our partners (res.partner.claims_contact_type). A vendor with a Tiva Payee
# ID keeps its type: PolicyPort's guide warns that changing it breaks the payment sync.
CONTACT_TYPES = [("vendor", "Vendor"), ("claimant", "Claimant"), ("other", "Other")]
# PolicyPort party type -> contact type of the partner a claim creates for it.
PARTY_CONTACT_TYPES = {
    "Claimant": "claimant",
    "Other": "other",
    "Vendor": "vendor",
    "Vendor/Claimant": "vendor",
    "Vendor/Other": "vendor",
}
VENDOR_PAGE_SIZE = 100


def party_contact_type(party_type):
    """The contact type of a party's partner: ``other`` for a type this table lacks."""
    return PARTY_CONTACT_TYPES.get(party_type, "other")


def vendor_partner_values(vendor):
    """res.partner values of a vendor of the list (``PolicyPortClient.list_vendors``): a
    company, a global vendor; ``tiva_state`` is the state's code, looked up by the caller."""
    return {
        "name": vendor["name"],
        "is_company": True,
        "claims_contact_type": "vendor",
        "is_global_vendor": True,
        **{key: vendor[key] or False
           for key in ("street", "city", "zip", "phone", "email", "tiva_state")},
    }
