# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Tiva Payee IDs move from the partners' external ids (system ``policyport``) to the vendors
of each backend (claims.policyport.vendor): every backend gets the ids it used to match."""


def migrate(cr, version):
    if not version:
        return
    cr.execute("""
        INSERT INTO claims_policyport_vendor (backend_id, partner_id, payee_id, company_id,
                                              create_uid, create_date, write_uid, write_date)
        SELECT backend.id, ref.partner_id, ref.ref, backend.company_id,
               1, now() at time zone 'UTC', 1, now() at time zone 'UTC'
          FROM claims_partner_ref ref
    CROSS JOIN claims_policyport_backend backend
         WHERE ref.system = 'policyport'
        ON CONFLICT DO NOTHING
    """)
    cr.execute("""
        UPDATE res_partner SET claims_contact_type = 'vendor'
         WHERE claims_contact_type IS NULL
           AND id IN (SELECT partner_id FROM claims_policyport_vendor)
    """)
