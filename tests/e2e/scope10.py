# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A building's Scope 10 inspection report whose workflow runs, for the e2e tests that walk it."""

import os
from datetime import date, timedelta


def running_scope10_report(rpc, customer, email, lang, address):
    """A customer (``lang``), their building at ``address`` with a Scope 10 report ending in
    240 days, and the Scope 10 definition's scan run: its workflow waits on the first task.

    :returns: the report's id
    """
    customer_id = rpc("res.partner", "create", {"name": customer, "email": email, "lang": lang})
    policy = rpc("claims.policy", "create", {
        "name": f"OPS-E2E-{os.getpid()}-{customer_id}", "line_of_business": "building",
        "policyholder_id": customer_id,
        "user_id": rpc.uid, "date_start": "2025-01-01",  # fixed date: any past start
    })
    building = rpc("claims.insured.object", "create", {
        "policy_id": policy, "object_type": "building", "name": address,
    })
    end = date.today() + timedelta(days=240)
    report = rpc("claims.inspection.report", "create", {
        "insured_object_id": building, "scope": "scope_10", "date_end": end.isoformat(),
        "date_inspection": (end - timedelta(days=5 * 365)).isoformat(),
    })
    definition = rpc.ref("claims_broker_workflows.claims_workflow_definition_scope10")
    rpc("claims.workflow.definition", "action_run_scan", [definition])
    return report


def workflow_instance(rpc, report, **kwargs):
    """The report's workflow instance: state, step and the activity it waits on."""
    return rpc("claims.workflow.instance", "search_read",
               [("res_model", "=", "claims.inspection.report"), ("res_id", "=", report)],
               ["state", "step_id", "activity_id"], **kwargs)[0]
