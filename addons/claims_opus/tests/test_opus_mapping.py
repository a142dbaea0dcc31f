# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo.tests import BaseCase

from odoo.addons.claims_connector.connector.exceptions import PermanentError

from .. import mapping


def raw_allocation(**fields):
    """An allocation as OpusClient.read_allocation returns it (texts as Opus shows them)."""
    values = {
        "claim_number": "HOM-2026-000011", "allocation_date": "2026-11-20",
        "date_loss": "2026-11-18", "incident_code": "ST",
        "incident_description": " Roof sheets lifted. ", "customer_id": "CUS-500011",
        "policyholder_name": "Pat Holder", "mobile": "0412 555 011",
        "home_phone": "02 9555 0100", "email": "pat@example.com.au",
        "street": "11 Harbour Street", "suburb": "Sydney", "state": "nsw", "postcode": "2000",
        "brand": "NRMA Insurance", "policy_number": "HOM700000011",
        "policy_inception": "2019-03-01", "sum_insured": "$661,000.00", "status": "Book",
    }
    values.update(fields)
    return {
        "allocation_id": "ALC-100011", "url": "https://opus.example/allocations/ALC-100011",
        "fields": values,
        "status_history": [{"status": "Book", "changed_on": "2026-07-01 09:00",
                            "changed_by": "IAG", "url": None}],
        "documents": [{"name": "Claim form.pdf", "type": "CLAIM_FORM", "url":
                       "https://opus.example/allocations/ALC-100011/documents/D11-1",
                       "uploaded_on": "2026-11-20 09:00"}],
    }


class TestOpusMappingIn(BaseCase):
    def test_every_incident_code_of_the_guide(self):
        expected = {
            "CA": "earthquake_tsunami", "CO": "impact", "DA": "accidental_damage",
            "FE": "fire", "FL": "flood", "FS": "explosion", "GL": "other", "HB": "other",
            "LR": "other", "OT": "other", "ST": "storm_wind", "TH": "theft_burglary",
        }
        for code, key in expected.items():
            self.assertEqual(mapping.incident_type(code), (key, None))
        self.assertEqual(mapping.incident_type(" st "), ("storm_wind", None))
        self.assertEqual(set(dict(mapping.INCIDENT_TYPES)), set(expected.values()))

    def test_unknown_incident_code_is_other_with_a_warning(self):
        self.assertEqual(mapping.incident_type("XX"), (
            "other", "Unknown Opus incident code 'XX': filed as Other."))
        self.assertEqual(mapping.incident_type("")[0], "other")

    def test_default_statuses_go_to_our_stages(self):
        stage = "claims_base.claims_claim_stage_"
        self.assertEqual(mapping.stage_for_status("Book"), stage + "new")
        self.assertEqual(mapping.stage_for_status("To Be Submitted"), stage + "in_progress")
        self.assertEqual(mapping.stage_for_status("Complete/Awaiting Insurer"), stage + "awaiting")
        self.assertEqual(mapping.stage_for_status("Practical Completion"), stage + "settlement")
        for status in ("Closed", "Cancelled", "Cash Settled"):
            self.assertEqual(mapping.stage_for_status(status), stage + "closed")

    def test_status_spelling_does_not_matter_but_unknown_ones_stay_unmapped(self):
        self.assertEqual(mapping.stage_for_status("repairs stalled – customer"),
                         mapping.stage_for_status("Repairs Stalled - Customer"))
        self.assertEqual(mapping.stage_for_status("complete / awaiting  insurer"),
                         mapping.stage_for_status("Complete/Awaiting Insurer"))
        self.assertIsNone(mapping.stage_for_status("On Hold"))
        table = {"On Hold": "claims_base.claims_claim_stage_awaiting"}
        self.assertEqual(mapping.stage_for_status("on hold", table), table["On Hold"])
        self.assertIsNone(mapping.stage_for_status("Book", table), "the backend's table only")

    def test_an_allocation_becomes_claim_policy_and_policyholder_values(self):
        data = mapping.parse_allocation(raw_allocation())
        self.assertEqual(data["claim"], {
            "insurer_claim_number": "HOM-2026-000011", "date_assigned": "2026-11-20",
            "date_loss": "2026-11-18", "description": "Roof sheets lifted.",
            "opus_allocation_id": "ALC-100011", "opus_status": "Book",
            "opus_incident_code": "ST", "opus_brand": "NRMA Insurance"})
        self.assertEqual((data["claim_type_code"], data["incident_type"], data["warnings"]),
                         ("IAG", "storm_wind", []))
        self.assertEqual(data["policy"], {
            "name": "HOM700000011", "line_of_business": "homeowners",
            "date_start": "2019-03-01", "date_inception": "2019-03-01",
            "amount_sum_insured": 661000.0})
        self.assertEqual(data["policyholder"]["opus_id"], "CUS-500011")
        self.assertEqual(data["policyholder"]["state_code"], "NSW")
        self.assertEqual(data["policyholder"]["country_code"], "AU")

    def test_portal_times_are_sydney_time_and_become_utc(self):
        data = mapping.parse_allocation(raw_allocation())
        # 1 July: standard time (UTC+10); 20 November: daylight saving (UTC+11)
        self.assertEqual(data["status_history"], [
            {"status": "Book", "by": "IAG", "date": "2026-06-30 23:00:00"}])
        self.assertEqual(data["documents"], [{
            "document_id": "D11-1", "name": "Claim form.pdf", "opus_type": "CLAIM_FORM",
            "url": "https://opus.example/allocations/ALC-100011/documents/D11-1",
            "category": {"code": "opus_claim_form", "name": "Opus: Claim form"},
            "date_uploaded": "2026-11-19 22:00:00"}])

    def test_unknown_code_and_status_are_warnings_not_a_lost_allocation(self):
        data = mapping.parse_allocation(raw_allocation(incident_code="ZZ", status="On Hold"))
        self.assertEqual(data["incident_type"], "other")
        self.assertIsNone(data["stage"])
        self.assertEqual(data["warnings"], [
            "Unknown Opus incident code 'ZZ': filed as Other.",
            "Opus status 'On Hold' has no stage mapping: the claim keeps its stage."])

    def test_a_value_that_cannot_be_read_is_permanent(self):
        for fields, label in (({"date_loss": "18/11/2026"}, "Date of loss"),
                              ({"sum_insured": "lots"}, "Building sum insured"),
                              ({"claim_number": " "}, "claim number")):
            with self.assertRaises(PermanentError) as caught:
                mapping.parse_allocation(raw_allocation(**fields))
            self.assertEqual(caught.exception.kind, "value")
            self.assertIn(label, str(caught.exception))

    def test_empty_values_and_foreign_states(self):
        data = mapping.parse_allocation(raw_allocation(
            date_loss="", sum_insured="", email=" ", state="Auckland", policyholder_name=""))
        self.assertEqual(data["claim"]["date_loss"], False)
        self.assertEqual(data["policy"]["amount_sum_insured"], 0.0)
        self.assertEqual(data["policyholder"]["email"], False)
        self.assertEqual(data["policyholder"]["state_code"], False)
        self.assertEqual(data["policyholder"]["name"], "HOM-2026-000011")

    def test_document_types_are_categories(self):
        self.assertEqual(mapping.document_category("REPAIRER_S_REPORT"),
                         {"code": "opus_repairer_s_report", "name": "Opus: Repairer's report"})
        self.assertEqual(mapping.document_category("ENGINEER_REPORT"),
                         {"code": "opus_engineer_report", "name": "Opus: Engineer report"})


class TestOpusMappingOut(BaseCase):
    def test_four_job_types_with_their_names(self):
        self.assertEqual({key: job.job for key, job in mapping.JOB_TYPES.items()}, {
            "make_safe": "IAG Make Safe", "assessment": "IAG Assessment",
            "completion": "IAG Completion", "tender": "IAG Tender"})

    def test_make_safe_fields_go_into_the_assessment_sections(self):
        make_safe = mapping.JOB_TYPES["make_safe"]
        self.assertEqual((make_safe.page, make_safe.name, make_safe.button),
                         ("assessment", "Assessment", "Save"))
        self.assertEqual({field.section for field in make_safe.fields},
                         {"Emergency Repairs", "Make Safe Scope of Work"})
        assessment = mapping.JOB_TYPES["assessment"]
        self.assertEqual(assessment.button, "Submit to insurer")
        self.assertFalse({field.section for field in assessment.fields}
                         & {"Emergency Repairs", "Make Safe Scope of Work"})

    def test_the_ar_job_has_the_public_fields(self):
        labels = [field.label for field in mapping.JOB_TYPES["assessment"].fields]
        for label in ("Incident confirmed", "Insurer advised of next steps?",
                      "Sum Insured Adequate?", "Other hazards on site",
                      "Is the insured aware of repairs they are responsible for?",
                      "Meth/drug manufacture at site", "Recommendation"):
            self.assertIn(label, labels)

    def test_keys_and_labels_are_unique_per_form(self):
        for job in (*mapping.JOB_TYPES.values(), mapping.KPI_FORM, mapping.UPDATE_FORM,
                    mapping.UPLOAD_FORM):
            keys = [field.key for field in job.fields]
            self.assertEqual(len(keys), len(set(keys)), job.name)
            labels = [(field.section, field.label) for field in job.fields]
            self.assertEqual(len(labels), len(set(labels)), job.name)

    def test_missing_fields_are_listed_by_label_in_order(self):
        values = {"date_tender_attended": datetime(2026, 11, 22, 0, 30),
                  "tender_scope": "  ", "amount_tender": 0, "date_tender_valid_until": False}
        self.assertEqual(mapping.missing_fields("tender", values), [
            "Tender scope of work", "Tender amount (inc. GST)", "Tender valid until",
            "Tender notes"])
        values = {"date_make_safe_attended": "2026-11-20 03:30:00",
                  "emergency_repairs_required": "no", "emergency_repairs_done": "None needed",
                  "date_emergency_repairs_completed": "2026-11-20 03:30:00",
                  "make_safe_scope": "Inspect only", "amount_make_safe": 120.0}
        self.assertEqual(mapping.missing_fields("make_safe", values), [], "'no' is an answer")

    def test_form_texts_refuse_unknown_keys_and_empty_values(self):
        with self.assertRaises(PermanentError) as caught:
            mapping.form_texts(mapping.KPI_FORM, {"site_visit": "2026-11-20"})
        self.assertEqual(caught.exception.kind, "value")
        with self.assertRaises(PermanentError) as caught:
            mapping.form_texts(mapping.UPDATE_FORM, {"kind": "status", "text": "",
                                                     "timestamp": None})
        self.assertEqual(caught.exception.kind, "missing_fields")
        self.assertEqual(str(caught.exception), "Nothing sent to Opus's Progress update: fill "
                                                "in Update, Update date and time.")

    def test_values_as_the_portal_takes_them(self):
        job = {field.key: field for field in mapping.JOB_TYPES["assessment"].fields}
        self.assertEqual(mapping.portal_value(job["roof_type"], "tile"), "Tile")
        self.assertEqual(mapping.portal_value(job["sum_insured_adequate"], "no"), "No")
        self.assertEqual(mapping.portal_value(job["year_built"], 1975.0), "1975")
        self.assertEqual(mapping.portal_value(job["amount_repairs_estimate"], 12500), "12500.00")
        self.assertEqual(mapping.portal_value(job["assessor_name"], " Sam "), "Sam")
        self.assertEqual(mapping.portal_value(job["assessor_name"], False), "")
        with self.assertRaises(PermanentError):
            mapping.portal_value(job["roof_type"], "thatch")
        valid = mapping.JOB_TYPES["tender"].fields[3]
        self.assertEqual(mapping.portal_value(valid, date(2027, 1, 31)), "2027-01-31")
        self.assertEqual(mapping.portal_value(valid, "2027-01-31"), "2027-01-31")
        doc_type = mapping.UPLOAD_FORM.fields[0]
        self.assertEqual(mapping.portal_value(doc_type, "QUOTE"), "QUOTE")
        with self.assertRaises(PermanentError):
            mapping.portal_value(doc_type, "CLAIM_FORM")

    def test_utc_times_are_sent_in_sydney_time(self):
        field = mapping.JOB_TYPES["assessment"].fields[0]
        self.assertEqual(mapping.portal_value(field, datetime(2026, 11, 21, 23, 0)),
                         "2026-11-22T10:00")  # daylight saving: UTC+11
        self.assertEqual(mapping.portal_value(field, "2026-07-01 02:15:00"),
                         "2026-07-01T12:15")  # standard time: UTC+10

    def test_kpis_and_uploads(self):
        self.assertEqual(mapping.KPI_STAGES, {
            "builder_reference": "AR", "initial_contact": "AR", "site_attend": "AR",
            "status_update": "CR", "estimated_end": "CR"})
        self.assertEqual(mapping.UPLOAD_TYPES, {
            "assessment_report": "REPAIRER_S_REPORT", "quote": "QUOTE",
            "scope_of_works": "SCOPE_OF_WORKS", "other": "OTHER"})

    def test_kpi_targets_breaching_soon(self):
        targets = mapping.parse_kpi_targets([
            {"allocation_id": "A1", "claim_number": "C1", "kpi": "Initial contact",
             "due": "2026-11-20 13:00", "completed": "", "url": None},
            {"allocation_id": "A1", "claim_number": "C1", "kpi": "Site attend date",
             "due": "2026-11-22 09:00", "completed": "", "url": None},
            {"allocation_id": "A2", "claim_number": "C2", "kpi": "Initial contact",
             "due": "2026-11-20 11:00", "completed": "2026-11-20 10:00", "url": None},
            {"allocation_id": "A3", "claim_number": "C3", "kpi": "Roof photo",
             "due": "2026-11-19 09:00", "completed": "", "url": None},
        ])
        self.assertEqual([(t["kpi"], t["due"]) for t in targets[:2]], [
            ("initial_contact", "2026-11-20 02:00:00"), ("site_attend", "2026-11-21 22:00:00")])
        self.assertEqual(targets[3]["kpi_label"], "Roof photo")
        soon = mapping.breaching_soon(targets, datetime(2026, 11, 20, 0, 0), hours=24)
        self.assertEqual([(t["allocation_id"], t["kpi_label"]) for t in soon], [
            ("A3", "Roof photo"), ("A1", "Initial contact")], "overdue first, met ones out")
