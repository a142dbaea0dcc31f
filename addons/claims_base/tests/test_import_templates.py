# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import ast
import io

import openpyxl

from odoo import Command
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools.misc import file_open

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@tagged("post_install", "-at_install")
class TestImportTemplates(TransactionCase):
    """Odoo's import screen offers our driver and vehicle templates, and they load as-is."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        models = cls.env["fleet.vehicle.model"]
        brand = cls.env["fleet.vehicle.model.brand"]
        for brand_name, model_name, kind in (("Volvo", "FH 500", "truck"),
                                             ("Schmitz Cargobull", "S.KO Cool", "trailer"),
                                             ("Mercedes-Benz", "Sprinter", "van"),
                                             ("Volkswagen", "Golf 8", "car")):
            if not models.search([("name", "=", model_name)]):
                models.create({
                    "name": model_name, "vehicle_type": kind,
                    "brand_id": (brand.search([("name", "=", brand_name)], limit=1)
                                 or brand.create({"name": brand_name})).id,
                })

    def _template(self, model):
        templates = self.env[model].get_import_templates()
        ours = [t for t in templates if t["template"].startswith("/claims_base/")]
        self.assertEqual(len(ours), 1, templates)
        return ours[0]["template"]

    def _read_template(self, model):
        path = self._template(model).lstrip("/")
        with file_open(path, "rb") as template:
            return path, template.read()

    def _load(self, model, content=None):
        path, template = self._read_template(model)
        content = content or template
        importer = self.env["base_import.import"].create({
            "res_model": model, "file": content, "file_type": XLSX,
            "file_name": path.rsplit("/", 1)[-1],
        })
        options = {"has_headers": True, "quoting": '"', "separator": ",",
                   "date_format": "%Y-%m-%d", "datetime_format": "",
                   "float_thousand_separator": ",",
                   "float_decimal_separator": ".", "fields": [], "import_skip_records": [],
                   "import_set_empty_fields": [], "name_create_enabled_fields": {}}
        preview = importer.parse_preview(options)
        self.assertNotIn("error", preview, preview.get("error"))
        headers = preview["headers"]
        matches = preview["matches"]
        unmatched = [headers[i] for i in range(len(headers)) if not matches.get(i)]
        self.assertFalse(unmatched, "every column maps to a field")
        fields = [matches[i][0] for i in range(len(headers))]
        result = importer.execute_import(fields, headers, options)
        errors = [m for m in result["messages"] if m.get("type") == "error"]
        self.assertFalse(errors, errors)
        return self.env[model].browse(result["ids"])

    def test_driver_template_loads(self):
        drivers = self._load("res.partner")
        self.assertEqual(drivers.mapped("name"), ["Jan de Vries", "Sophie Martin"])
        self.assertEqual(drivers[1].country_id.code, "FR")

    def test_an_imported_driver_reports_as_a_driver_of_their_company(self):
        drivers = self._load("res.partner")
        self.assertEqual(drivers.claims_role_ids,
                         self.env.ref("claims_base.claims_participant_role_driver"),
                         "the template makes them drivers, which the phone form looks for")
        branch = self.env["res.company"].create({"name": "Depot Utrecht"})
        drivers[0].company_id = branch  # the template's Company column, filled by the user
        user = new_test_user(self.env, login="jan", groups="base.group_portal",
                             partner_id=drivers[0].id, company_id=branch.id,
                             company_ids=[Command.set(branch.ids)])
        Incident = self.env["claims.incident"]
        self.assertEqual(Incident._intake_driver_company(user), branch)
        stranger = new_test_user(self.env, login="not_a_driver", groups="base.group_portal")
        self.assertIsNone(Incident._intake_driver_company(stranger))

    def test_vehicle_template_loads_a_truck_a_trailer_a_van_and_a_car(self):
        vehicles = self._load("fleet.vehicle")
        self.assertEqual(vehicles.mapped("license_plate"),
                         ["VZR-12-K", "OT-45-ZX", "VB-731-N", "GH-204-L"])
        self.assertEqual(vehicles.mapped("vehicle_type"), ["truck", "trailer", "van", "car"])

    def test_imported_vehicles_are_offered_to_their_branch_drivers(self):
        branch = self.env["res.company"].create({
            "name": "Depot Lyon", "parent_id": self.env.company.id})
        _path, template = self._read_template("fleet.vehicle")
        book = openpyxl.load_workbook(io.BytesIO(template))
        sheet = book.active
        company_column = [cell.value for cell in sheet[1]].index("Company") + 1
        for row in range(2, sheet.max_row + 1):  # the user fills in the Company column
            sheet.cell(row=row, column=company_column, value="Depot Lyon")
        content = io.BytesIO()
        book.save(content)
        vehicles = self._load("fleet.vehicle", content.getvalue())
        self.assertEqual(vehicles.company_id, branch)
        offered = self.env["claims.incident"]._intake_vehicles(branch)
        self.assertEqual(offered, vehicles.sorted("license_plate"),
                         "the phone form of the branch lists them")
        self.assertFalse(offered & self.env["claims.incident"]._intake_vehicles(
            self.env.company), "and not the parent company's form")
        trailer = vehicles.filtered(lambda v: v.vehicle_type == "trailer")
        trailer_domain = ast.literal_eval(self.env["claims.incident"]._fields["trailer_id"].domain)
        self.assertEqual(
            self.env["fleet.vehicle"].search([("company_id", "=", branch.id), *trailer_domain]),
            trailer, "the incident's trailer field offers the trailer only")

    def test_trucks_and_trailers_are_vehicle_kinds(self):
        kinds = dict(self.env["fleet.vehicle.model"]._fields["vehicle_type"].selection)
        self.assertEqual(kinds["truck"], "Truck")
        self.assertEqual(kinds["trailer"], "Trailer")
        self.assertEqual(kinds["van"], "Van")
