# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .. import mapping

JOB_TYPES = [(key, form.job) for key, form in mapping.JOB_TYPES.items()]
JOB_STATES = [("todo", "To do"), ("in_progress", "In progress"), ("done", "Done"),
              ("cancelled", "Cancelled")]
FIELDS = {field.key: field for form in mapping.JOB_TYPES.values() for field in form.fields}
ODOO_TYPES = {"char": fields.Char, "text": fields.Text, "date": fields.Date,
              "datetime": fields.Datetime, "integer": fields.Integer,
              "money": fields.Monetary, "selection": fields.Selection}


def _field(key):
    """Our field for a job field of ``mapping.JOB_TYPES``: its Opus label, its choices."""
    spec = FIELDS[key]
    args = (list(spec.choices),) if spec.kind == "selection" else ()
    return ODOO_TYPES[spec.kind](*args, string=spec.label, tracking=spec.kind != "text")


class ClaimsOpusJob(models.Model):
    """A job of an Opus claim: IAG Make Safe, IAG Assessment, IAG Completion or IAG Tender.

    Each type has the fixed fields of ``mapping.JOB_TYPES`` (Opus's, by label): nobody
    reconfigures them. A job goes to Opus only complete. The assessment goes when its
    activity "Submit to insurer" is marked done (after "Book Assessor"); the other types with
    their Submit button. Our own ``state`` is ours: changing it sends nothing.

    Rights: claims users create, edit and submit the jobs of the claims they may edit.
    """

    _name = "claims.opus.job"
    _description = "Opus job"
    _inherit = ["mail.thread", "mail.activity.mixin", "claims.exchange.record.mixin"]
    _order = "claim_id, sequence, id"
    _check_company_auto = True

    claim_id = fields.Many2one("claims.claim", required=True, ondelete="cascade", index=True,
                               check_company=True, domain=[("opus_allocation_id", "!=", False)])
    company_id = fields.Many2one(related="claim_id.company_id", store=True)
    currency_id = fields.Many2one(related="claim_id.currency_id")
    job_type = fields.Selection(JOB_TYPES, string="Type", required=True, readonly=True,
                                default="assessment")
    name = fields.Char(compute="_compute_name", store=True)
    sequence = fields.Integer(compute="_compute_name", store=True)
    state = fields.Selection(
        JOB_STATES, string="Our status", default="todo", required=True, tracking=True,
        help="Our own follow-up of the job: changing it sends nothing to Opus.")
    date_sent = fields.Datetime(string="Sent to Opus", readonly=True, copy=False)
    update_ids = fields.One2many("claims.opus.job.update", "job_id", string="Progress updates")
    # IAG Make Safe: the Assessment's "Emergency Repairs" and "Make Safe Scope of Work"
    date_make_safe_attended = _field("date_make_safe_attended")
    emergency_repairs_required = _field("emergency_repairs_required")
    emergency_repairs_done = _field("emergency_repairs_done")
    date_emergency_repairs_completed = _field("date_emergency_repairs_completed")
    make_safe_scope = _field("make_safe_scope")
    amount_make_safe = _field("amount_make_safe")
    # IAG Assessment
    date_assessment_attended = _field("date_assessment_attended")
    assessor_name = _field("assessor_name")
    incident_confirmed = _field("incident_confirmed")
    insurer_advised = _field("insurer_advised")
    sum_insured_adequate = _field("sum_insured_adequate")
    insured_aware_of_repairs = _field("insured_aware_of_repairs")
    other_hazards = _field("other_hazards")
    meth_drug_manufacture = _field("meth_drug_manufacture")
    building_type = _field("building_type")
    wall_construction = _field("wall_construction")
    roof_type = _field("roof_type")
    year_built = _field("year_built")
    storeys = _field("storeys")
    repairs_scope = _field("repairs_scope")
    amount_repairs_estimate = _field("amount_repairs_estimate")
    recommendation = _field("recommendation")
    recommendation_notes = _field("recommendation_notes")
    # IAG Completion
    date_works_start = _field("date_works_start")
    date_repairs_completed = _field("date_repairs_completed")
    customer_signoff = _field("customer_signoff")
    amount_final = _field("amount_final")
    completion_notes = _field("completion_notes")
    # IAG Tender
    date_tender_attended = _field("date_tender_attended")
    tender_scope = _field("tender_scope")
    amount_tender = _field("amount_tender")
    date_tender_valid_until = _field("date_tender_valid_until")
    tender_notes = _field("tender_notes")

    missing_labels = fields.Char(string="Still to fill in", compute="_compute_missing_labels")

    @api.depends("job_type")
    def _compute_name(self):
        order = list(mapping.JOB_TYPES)
        for job in self:
            job.name = mapping.JOB_TYPES[job.job_type].job if job.job_type else False
            job.sequence = order.index(job.job_type) if job.job_type else 0

    @api.depends(lambda self: list(FIELDS))
    def _compute_missing_labels(self):
        for job in self:
            job.missing_labels = ", ".join(job._missing_fields()) if job.job_type else False

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        jobs = super().create(vals_list)
        for job in jobs.filtered(lambda j: j.job_type == "assessment"):
            job.activity_schedule("claims_opus.mail_activity_type_opus_book_assessor",
                                  user_id=(job.claim_id.user_id or self.env.user).id)
        return jobs

    # ------------------------------------------------------------------ actions

    def action_submit(self):
        """Send the job to Opus (the assessment goes with its activity "Submit to insurer")."""
        for job in self:
            if job.job_type == "assessment":
                raise UserError(self.env._(
                    "The assessment goes to Opus when its activity \"Submit to insurer\" is "
                    "marked done."))
            job._send()
        return True

    # ------------------------------------------------------------------ business

    def _values(self):
        """{mapping key: value} of this job's type."""
        self.ensure_one()
        return {field.key: self[field.key] for field in mapping.JOB_TYPES[self.job_type].fields}

    def _missing_fields(self):
        self.ensure_one()
        return mapping.missing_fields(self.job_type, self._values())

    def _check_complete(self):
        for job in self:
            missing = job._missing_fields()
            if missing:
                raise UserError(self.env._(
                    "%(job)s cannot be sent to Opus yet: fill in %(fields)s.",
                    job=job.name, fields=", ".join(missing)))

    def _send(self):
        """Queue this job for Opus (one exchange), complete or refused."""
        self.ensure_one()
        self.check_access("write")
        self._check_complete()
        backend = self.claim_id.sudo().opus_backend_id
        if not backend:
            raise UserError(self.env._("This claim did not come from Opus."))
        exchange = self.env["claims.exchange"]._create_for(backend, [{
            "direction": "out", "kind": f"job_{self.job_type}",
            "external_id": self.claim_id.opus_allocation_id,
            "res_model": self._name, "res_id": self.id}])
        exchange._enqueue()
        self.message_post(body=self.env._("Queued for Opus."), subtype_xmlid="mail.mt_note")
        return exchange

    @api.model
    def _send_exchange(self, backend, exchange, client):
        """Job of an outbound job exchange: the job's fields, as they are now, into Opus."""
        job = self.browse(exchange.res_id).exists()
        if not job:
            exchange._set_skipped(self.env._("The job was deleted."))
            return job
        result = client.submit_job(exchange.external_id, job.job_type, job._values())
        job.sudo().date_sent = fields.Datetime.now()
        exchange._set_done(job, summary=result["message"] or job.name)
        return job

    # ------------------------------------------------------------------ documents out

    def action_publish_assessment_report(self):
        """Our assessment report of this job, filed on the claim and uploaded to Opus as
        REPAIRER_S_REPORT."""
        self.ensure_one()
        self._check_publishable(("assessment",))
        self._publish("claims_opus.claims_opus_job_report_assessment",
                      "claims_opus.claims_document_category_opus_repairer_s_report",
                      self.env._("Assessment report %s.pdf", self._file_label()))
        return True

    def action_publish_quote(self):
        """Our quote and its scope of works, filed on the claim and uploaded to Opus as QUOTE
        and SCOPE_OF_WORKS."""
        self.ensure_one()
        self._check_publishable(("assessment", "tender"))
        self._publish("claims_opus.claims_opus_job_report_quote",
                      "claims_opus.claims_document_category_opus_quote",
                      self.env._("Quote %s.pdf", self._file_label()))
        self._publish("claims_opus.claims_opus_job_report_scope",
                      "claims_opus.claims_document_category_opus_scope_of_works",
                      self.env._("Scope of works %s.pdf", self._file_label()))
        return True

    def _file_label(self):
        claim = self.claim_id
        return (claim.insurer_claim_number or claim.name or "").replace("/", "-")

    def _check_publishable(self, job_types):
        self.check_access("write")
        if self.job_type not in job_types:
            raise UserError(self.env._("%s has no such document.", self.name))
        scope, amount = (("tender_scope", "amount_tender") if self.job_type == "tender"
                         else ("repairs_scope", "amount_repairs_estimate"))
        missing = [FIELDS[key].label for key in (scope, amount) if not self[key]]
        if missing:
            raise UserError(self.env._("Fill in %s first.", ", ".join(missing)))

    def _publish(self, report, category, filename):
        pdf, _type = self.env["ir.actions.report"].sudo()._render_qweb_pdf(report, self.ids)
        document = self.env["claims.document"].create({
            "name": filename, "claim_id": self.claim_id.id,
            "category_id": self.env.ref(category).id, "is_published": True,
        })
        document.attachment_id = self.env["ir.attachment"].sudo().create({
            "name": filename, "raw": pdf, "mimetype": "application/pdf",
            "res_model": document._name, "res_id": document.id,
        })
        self.message_post(body=self.env._("%s published to Opus.", filename),
                          subtype_xmlid="mail.mt_note")
        return document

    def _report_sections(self):
        """[(section, [(label, text)])] of this job's fields, as Opus groups them."""
        self.ensure_one()
        sections = {}
        for field in mapping.JOB_TYPES[self.job_type].fields:
            value = self[field.key]
            if field.kind == "selection":
                value = dict(field.choices).get(value, "")
            elif field.kind == "datetime" and value:
                value = mapping.to_portal_datetime(value).replace("T", " ")
            elif field.kind == "money":
                value = f"${value:,.2f}"
            sections.setdefault(field.section or "", []).append(
                (field.label, "" if value is False else str(value)))
        return list(sections.items())
