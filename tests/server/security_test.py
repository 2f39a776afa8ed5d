"""What an attacker would try, against a real server (docs/security.md lists these)."""
import html
import json
import os
import re
import subprocess
import sqlite3
import unittest
import urllib.parse

from harness import Server, case, quote, add_user

DOSSIER = "ciblage-2019-non-affectee.json"


def page_session(server, name):
    """Logs in through the login page: its CSRF cookie and field, then the session cookie."""
    r = server.request("GET", "/connexion")
    login_cookie = r.headers["set-cookie"].split(";")[0]
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', r.text).group(1)
    form = urllib.parse.urlencode({"csrf": csrf, "nom": name, "mot_de_passe": "mot-de-passe-de-test"})
    r = server.request("POST", "/connexion", form, content_type="application/x-www-form-urlencoded",
                       headers={"Cookie": login_cookie})
    assert r.status == 303, (r.status, r.text)
    cookie = r.headers["set-cookie"].split(";")[0]
    page = server.request("GET", "/dossiers", headers={"Cookie": cookie})
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text).group(1)
    return cookie, csrf


class Security(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(extra=["--corps-max", "1"])
        cls.agent = cls.server.login("agent")
        cls.juriste = cls.server.login("juriste")

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def test_every_api_route_but_health_and_login_needs_a_session(self):
        for method, path in [("GET", "/api/dossiers"), ("GET", "/api/dossiers/X"), ("POST", "/api/verifier"),
                             ("POST", "/api/dossiers"), ("PUT", "/api/dossiers/X"), ("DELETE", "/api/dossiers/X"),
                             ("GET", "/api/jaune/2012"), ("GET", "/api/regles"), ("GET", "/api/audit")]:
            r = self.server.request(method, path, "{}", content_type="application/json")
            self.assertEqual(r.status, 401, path)
        r = self.server.request("GET", "/api/dossiers", token="0" * 64)
        self.assertEqual(r.status, 401)
        r = self.server.request("GET", "/api/dossiers", token="' OR 1=1 --")
        self.assertEqual(r.status, 401)
        # Pages send to the login page.
        self.assertEqual(self.server.request("GET", "/dossiers").status, 303)
        # The scheme is case-insensitive (RFC 7235): "bearer" is a bearer token, not a cookie.
        for scheme in ["bearer", "BEARER", "Bearer"]:
            r = self.server.request("GET", "/api/dossiers", headers={"Authorization": scheme + " " + self.agent})
            self.assertEqual(r.status, 200, scheme)
        self.assertEqual(self.server.request("GET", "/api/dossiers", headers={"Authorization": "Bearer" + self.agent}).status, 401)

    def test_a_change_by_session_cookie_must_declare_json_even_without_a_body(self):
        # A page of another origin can post a form or text/plain with the cookie the browser
        # adds; it cannot send application/json without a preflight the server never grants.
        cookie = {"Cookie": "subsidia_session=" + self.server.login("admin")}
        for content_type in ("text/plain", "application/x-www-form-urlencoded", None):
            r = self.server.request("POST", "/api/regles/recharger", "a=b" if content_type else None,
                                    headers=cookie, content_type=content_type)
            self.assertEqual(r.status, 415, (content_type, r.text))
            r = self.server.request("POST", "/api/jaune/2012/reverifier", headers=cookie, content_type=content_type)
            self.assertEqual(r.status, 415, (content_type, r.text))
        r = self.server.request("POST", "/api/regles/recharger", "", headers=cookie, content_type="application/json")
        self.assertEqual(r.status, 200, r.text)
        # A Bearer token is never added by a browser on its own: no declaration needed.
        r = self.server.request("POST", "/api/regles/recharger", token=self.server.login("admin"))
        self.assertEqual(r.status, 200, r.text)
        # Reading by cookie needs none either.
        self.assertEqual(self.server.request("GET", "/api/regles", headers=cookie).status, 200)

    def test_roles_are_enforced(self):
        self.assertEqual(self.server.request("POST", "/api/dossiers", case(DOSSIER), token=self.juriste,
                                             content_type="application/json").status, 403)
        self.assertEqual(self.server.request("GET", "/api/jaune/2019", token=self.agent).status, 403)
        self.assertEqual(self.server.request("GET", "/api/audit", token=self.agent).status, 403)

    def test_body_over_the_limit_is_413(self):
        big = "[" + ",".join([case(DOSSIER)] * 2000) + "]"
        self.assertGreater(len(big), 1024 * 1024)
        r = self.server.request("POST", "/api/verifier", big, token=self.agent, content_type="application/json")
        self.assertEqual(r.status, 413)

    def test_a_chunked_body_is_refused_before_it_is_read(self):
        # httplib 0.11 limits a Content-Length body only: a chunked one was read whole, without a
        # session (1 GB took the server to 1.1 GB). It is refused on its headers, before any
        # byte of it, with or without a session, and the connection is closed.
        import socket
        for auth in ("", "Authorization: Bearer " + self.agent + "\r\n"):
            sock = socket.create_connection(("127.0.0.1", self.server.port), timeout=30)
            head = ("POST /api/verifier HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + auth +
                    "Transfer-Encoding: chunked\r\n\r\n")
            sock.sendall(head.encode())
            chunk = b"x" * 65536
            sent = 0
            try:  # far more than --corps-max (1 MB); the server answers and closes first
                for _ in range(64):
                    sock.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
                    sent += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            answer = b""
            try:
                while True:
                    data = sock.recv(65536)
                    if not data:
                        break
                    answer += data
            except (ConnectionResetError, socket.timeout):
                pass
            sock.close()
            self.assertTrue(answer.startswith(b"HTTP/1.1 411"), answer[:200])
            self.assertIn("Content-Length".encode(), answer)
        # The server still answers.
        self.assertEqual(self.server.request("GET", "/api/sante").status, 200)

    def test_the_database_file_is_readable_by_its_owner_only(self):
        import stat
        db = [os.path.join(self.server.data, f) for f in os.listdir(self.server.data) if f.endswith(".sqlite")]
        self.assertTrue(db)
        for path in db:
            self.assertEqual(stat.S_IMODE(os.stat(path).st_mode) & 0o077, 0, path)

    def test_an_id_a_person_cannot_see_is_refused(self):
        # Blanks alone, a NUL, a line break, a right-to-left override: stored, they could not be
        # seen, clicked, or told from another id (review of 3 December 2026).
        for bad in ["   ", "N\u0000UL", "ID\nNL", "IDF-CP-12-\u202e101"]:
            d = json.loads(case(DOSSIER))
            d["id"] = bad
            r = self.server.request("POST", "/api/dossiers", d, token=self.agent)
            self.assertEqual(r.status, 400, (bad, r.text))
            self.assertEqual(r.json()["erreurs"][0]["chemin"], "/id")

    def test_sql_looking_search_is_text(self):
        d = json.loads(case(DOSSIER))
        d["id"] = "SQL-1"
        self.assertEqual(self.server.request("POST", "/api/dossiers", d, token=self.agent).status, 201)
        for q in ["' OR '1'='1", "%", "_", "x'; DROP TABLE dossiers; --"]:
            r = self.server.request("GET", "/api/dossiers?q=" + quote(q), token=self.agent)
            self.assertEqual(r.status, 200)
            self.assertEqual(r.json()["dossiers"], [], q)
        self.assertEqual(len(self.server.request("GET", "/api/dossiers?q=SQL", token=self.agent).json()["dossiers"]), 1)

    def test_pages_refuse_a_post_without_the_session_csrf_token(self):
        cookie, csrf = page_session(self.server, "agent")
        d = json.loads(case(DOSSIER))
        form = {"id": "CSRF-1", "exercice": "2019", "collectivite.nom": "X", "collectivite.categorie": "commune",
                "objet": "Objet assez long", "type_intervention": "cotisation", "montant": "10.00"}
        r = self.server.request("POST", "/dossiers/nouveau", urllib.parse.urlencode(form),
                                content_type="application/x-www-form-urlencoded", headers={"Cookie": cookie})
        self.assertEqual(r.status, 403)
        form["csrf"] = "f" * 64
        r = self.server.request("POST", "/dossiers/nouveau", urllib.parse.urlencode(form),
                                content_type="application/x-www-form-urlencoded", headers={"Cookie": cookie})
        self.assertEqual(r.status, 403)
        form["csrf"] = csrf
        r = self.server.request("POST", "/dossiers/nouveau", urllib.parse.urlencode(form),
                                content_type="application/x-www-form-urlencoded", headers={"Cookie": cookie})
        self.assertEqual(r.status, 303, r.text)
        # A token in the URL is refused: it would end up in histories and logs.
        del form["csrf"]
        form["id"] = "CSRF-2"
        for query in ["?csrf=" + csrf, "?a=1&%63srf=" + csrf]:
            r = self.server.request("POST", "/dossiers/nouveau" + query, urllib.parse.urlencode(form),
                                    content_type="application/x-www-form-urlencoded", headers={"Cookie": cookie})
            self.assertEqual(r.status, 403, query)
        self.assertEqual(self.server.request("GET", "/api/dossiers/CSRF-2", token=self.agent).status, 404)
        # The login form's own token, double-submitted.
        r = self.server.request("POST", "/connexion", "nom=agent&mot_de_passe=mot-de-passe-de-test",
                                content_type="application/x-www-form-urlencoded")
        self.assertEqual(r.status, 403)
        # A pair the server did not issue (a planted cookie and the same value in the field).
        planted = "a" * 128
        r = self.server.request("POST", "/connexion", "csrf=" + planted + "&nom=agent&mot_de_passe=mot-de-passe-de-test",
                                content_type="application/x-www-form-urlencoded",
                                headers={"Cookie": "subsidia_connexion=" + planted})
        self.assertEqual(r.status, 403)

    def test_an_upload_of_an_empty_array_says_there_was_no_dossier(self):
        # Review 23: « Rien n'a été enregistré : 0 erreur. », no reason.
        cookie, csrf = page_session(self.server, "agent")
        boundary = "----subsidia-test"
        body = (("--%s\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n%s\r\n" % (boundary, csrf)).encode()
                + ("--%s\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"vide.json\"\r\n"
                   "Content-Type: application/json\r\n\r\n[]\r\n--%s--\r\n" % (boundary, boundary)).encode())
        r = self.server.request("POST", "/televerser", body, content_type="multipart/form-data; boundary=" + boundary,
                                headers={"Cookie": cookie})
        self.assertEqual(r.status, 400)
        self.assertIn("aucun dossier dans le fichier", r.text)
        self.assertNotIn("0 erreur", r.text)

    def test_a_scdl_upload_names_each_row_left_out_and_why(self):
        cookie, csrf = page_session(self.server, "agent")
        csv = ('"nomAttribuant";"idAttribuant";"dateConvention";"referenceDecision";"nomBeneficiaire";'
               '"idBeneficiaire";"objet";"montant";"nature";"conditionsVersement";"datesPeriodeVersement";"idRAE";'
               '"notificationUE";"pourcentageSubvention"\r\n'
               '"Commune X";"21340172200014";"2019-03-01";"R1";"Asso";"";"Objet rangee 1";"1000";"aide en numéraire";'
               '"unique";"2019-04-01";"";"Non";"1"\r\n'
               '"Commune X";"21340172200014";"2019-03-01";"R2";"Asso";"";"Objet rangee 2";"abc";"aide en numéraire";'
               '"unique";"2019-04-01";"";"Non";"1"\r\n'
               # 240 more left out: every one named on the page, which has no --resume (review 23: 200, then
               # « … et 60 de plus (toutes dans --resume FICHIER) »).
               + "".join('"Commune X";"21340172200014";"2019-03-01";"B%d";"Asso";"";"Objet %d";"SEM";"aide en numéraire";'
                         '"unique";"2019-04-01";"";"Non";"1"\r\n' % (i, i) for i in range(240))).encode("utf-8")
        boundary = "----subsidia-test"
        body = (("--%s\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n%s\r\n" % (boundary, csrf)).encode()
                + ("--%s\r\nContent-Disposition: form-data; name=\"fichier\"; "
                   # A right-to-left override in the name is dropped: it would show reversed (review 30).
                   "filename=\"C:\\Users\\agent\\Bureau\\rangées 2019\u202e.csv\"\r\n"
                   "Content-Type: text/csv\r\n\r\n" % boundary).encode("utf-8") + csv
                + ("\r\n--%s--\r\n" % boundary).encode())
        before = len(self.server.request("GET", "/api/dossiers", token=self.agent).json()["dossiers"])
        r = self.server.request("POST", "/televerser", body, content_type="multipart/form-data; boundary=" + boundary,
                                headers={"Cookie": cookie})
        # The good row is stored, as `subsidia importe scdl` writes it; the other is named, with why.
        self.assertEqual(r.status, 201, r.text[-2000:])
        self.assertIn("241 lignes non retenues, chacune avec sa raison,", r.text)
        self.assertIn("rangées 2019.csv:243", r.text)
        self.assertNotIn("--resume", r.text)
        # Named by the file's own name (its base name: an old browser sends the whole path).
        self.assertIn("rangées 2019.csv:3", r.text)
        self.assertNotIn("Bureau", r.text)
        self.assertNotIn("\u202e", r.text)
        self.assertIn("abc", r.text)
        self.assertEqual(len(self.server.request("GET", "/api/dossiers", token=self.agent).json()["dossiers"]), before + 1)
        # The verdicts carry their receipt (review 23: none on this page).
        self.assertIn("Vérifiés par le moteur Subsidia ", r.text)
        self.assertIn("base de règles <code>sha256:", r.text)

    def test_a_scdl_upload_reads_the_partner_cities_given_beside_it(self):
        cookie, csrf = page_session(self.server, "agent")
        csv = ('nomAttribuant;idAttribuant;referenceDecision;nomBeneficiaire;objet;montant;exercice\r\n'
               'Ville de Poitiers;21860194600013;VILLES-1;POITIERS MOUNDOU;Fête du livre à Moundou;5000;2017\r\n'
               ).encode("utf-8")
        boundary = "----subsidia-test"

        def upload(cities):
            body = (("--%s\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n%s\r\n" % (boundary, csrf)).encode()
                    + ("--%s\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"villes-1.csv\"\r\n"
                       "Content-Type: text/csv\r\n\r\n" % boundary).encode() + csv
                    + ("\r\n--%s\r\nContent-Disposition: form-data; name=\"villes\"; filename=\"villes.csv\"\r\n"
                       "Content-Type: text/csv\r\n\r\n" % boundary).encode() + cities.encode("utf-8")
                    + ("\r\n--%s--\r\n" % boundary).encode())
            return self.server.request("POST", "/televerser", body,
                                       content_type="multipart/form-data; boundary=" + boundary, headers={"Cookie": cookie})

        # A French territory is no partner city abroad: refused with its line, nothing stored.
        before = len(self.server.request("GET", "/api/dossiers", token=self.agent).json()["dossiers"])
        r = upload("ville,pays\nMoundou,TD\nBasse-Terre,GP\n")
        self.assertEqual(r.status, 400, r.text[-2000:])
        self.assertIn("villes partenaires:3: « GP » est un territoire français", r.text)
        self.assertEqual(len(self.server.request("GET", "/api/dossiers", token=self.agent).json()["dossiers"]), before)
        # With the table, the row that names only Moundou is an action in Chad.
        r = upload("ville,pays\nMoundou,TD\n")
        self.assertEqual(r.status, 201, r.text[-2000:])
        listed = self.server.request("GET", "/api/dossiers?q=" + quote("VILLES-1"), token=self.agent).json()["dossiers"]
        self.assertEqual(len(listed), 1)
        stored = self.server.request("GET", "/api/dossiers/" + quote(listed[0]["id"]), token=self.agent).json()
        dossier = stored.get("dossier", stored)
        self.assertEqual(dossier["action"]["pays"], ["TD"])
        # The draft's page says in French where it comes from and what was guessed (review of
        # 2 December 2026: the clues and guesses were only in the JSON at the bottom).
        page = self.server.request("GET", "/dossiers/" + quote(listed[0]["id"]), headers={"Cookie": cookie}).text
        origin = page[page.index("Brouillon importé d'un fichier publié"):page.index("</section>")]
        self.assertIn("Fichier « villes-1.csv », ligne 2", origin)
        self.assertIn("candidate à l'action internationale", origin)
        self.assertIn("« Moundou » : ville partenaire de la collectivité, <strong>indice fort</strong>, pays <code>TD</code>",
                      origin)
        self.assertRegex(origin, r"Pays où l&#39;action a lieu[^<]*<br><small><code>action.pays</code></small></th><td>TD</td>")
        self.assertIn("<code>action.nature</code></small></th><td>Coopération", origin)  # a choice in French
        self.assertIn("<th scope=\"row\">nomBeneficiaire</th><td>POITIERS MOUNDOU</td>", origin)

    def test_a_scdl_upload_takes_the_year_for_rows_without_one(self):
        cookie, csrf = page_session(self.server, "agent")
        csv = ('nomAttribuant;idAttribuant;referenceDecision;nomBeneficiaire;objet;montant\r\n'
               'Ville de Poitiers;21860194600013;ANNEE-1;Comité de jumelage;Jumelage avec Marburg;1500\r\n').encode("utf-8")
        boundary = "----subsidia-test"

        def upload(year):
            body = (("--%s\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n%s\r\n" % (boundary, csrf)).encode()
                    + ("--%s\r\nContent-Disposition: form-data; name=\"exercice\"\r\n\r\n%s\r\n" % (boundary, year)).encode()
                    + ("--%s\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"annee.csv\"\r\n"
                       "Content-Type: text/csv\r\n\r\n" % boundary).encode() + csv + ("\r\n--%s--\r\n" % boundary).encode())
            return self.server.request("POST", "/televerser", body,
                                       content_type="multipart/form-data; boundary=" + boundary, headers={"Cookie": cookie})

        r = upload("")  # no year in the file, none given: the row is named with its reason
        self.assertIn("1 ligne non retenue", r.text)
        r = upload("20l7")
        self.assertEqual(r.status, 400)
        r = upload("2017")
        self.assertEqual(r.status, 201, r.text[-2000:])
        listed = self.server.request("GET", "/api/dossiers?q=ANNEE-1", token=self.agent).json()["dossiers"]
        self.assertEqual(len(listed), 1)
        self.assertEqual(listed[0]["exercice"], 2017)

    def test_scdl_csv_upload_goes_through_the_importer_and_is_stored(self):
        cookie, csrf = page_session(self.server, "agent")
        path = os.path.join(os.environ.get("SUBSIDIA_SOURCE_DIR", "."), "tests", "interop", "scdl", "fichiers",
                            "somme-windows1252-crlf.csv")
        with open(path, "rb") as f:
            csv = f.read()
        boundary = "----subsidia-test"
        body = (("--%s\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n%s\r\n" % (boundary, csrf)).encode()
                + ("--%s\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"somme.csv\"\r\n"
                   "Content-Type: text/csv\r\n\r\n" % boundary).encode() + csv
                + ("\r\n--%s--\r\n" % boundary).encode())
        r = self.server.request("POST", "/televerser", body, content_type="multipart/form-data; boundary=" + boundary,
                                headers={"Cookie": cookie})
        self.assertEqual(r.status, 201, r.text[-2000:])
        # The drafts `subsidia importe scdl` writes for the same file, no more, no less.
        cli = subprocess.run([os.environ.get("SUBSIDIA_BINARY", "build/subsidia"), "importe", "scdl", path],
                             capture_output=True, text=True).stdout.splitlines()
        ids = [json.loads(line)["id"] for line in cli if line.strip()]
        self.assertGreater(len(ids), 0)
        saved = "dossiers enregistrés et vérifiés" if len(ids) >= 2 else "dossier enregistré et vérifié"
        self.assertIn("%d %s" % (len(ids), saved), r.text)
        for i in ids:
            self.assertEqual(self.server.request("GET", "/api/dossiers/" + quote(i), token=self.agent).status, 200)
        listed = self.server.request("GET", "/api/dossiers?q=" + quote("les-amis-de-dakar"), token=self.agent).json()
        self.assertEqual(len(listed["dossiers"]), 1)
        # Without the CSRF part: refused, nothing stored twice.
        r = self.server.request("POST", "/televerser", body.replace(csrf.encode(), b"0" * 64),
                                content_type="multipart/form-data; boundary=" + boundary, headers={"Cookie": cookie})
        self.assertEqual(r.status, 403)

    def post_form(self, cookie, path, fields):
        """Posts a page form as the browser does: multipart/form-data."""
        boundary = "----subsidia-form"
        body = b"".join(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n" % (boundary, k)).encode()
                        + v.encode("utf-8") + b"\r\n" for k, v in fields.items()) + ("--%s--\r\n" % boundary).encode()
        return self.server.request("POST", path, body, content_type="multipart/form-data; boundary=" + boundary,
                                   headers={"Cookie": cookie})

    def test_a_finance_officer_enters_a_whole_dossier_without_json(self):
        # Review of 2 December 2026: everything a verdict depends on went into one JSON box.
        cookie, csrf = page_session(self.server, "agent")
        form = self.server.request("GET", "/dossiers/nouveau", headers={"Cookie": cookie}).text
        for field in ["deliberation.date", "beneficiaire.categorie", "action.pays", "convention",
                      "financement.plan.0.part", "imputation.fonction", "jaune.operation_exceptionnelle"]:
            self.assertIn('name="%s"' % field, form)
        self.assertIn('enctype="multipart/form-data"', form)
        fields = {"csrf": csrf, "id": "FORM-SN-2024", "exercice": "2024", "objet": "Forage à Podor (Sénégal)",
                  "type_intervention": "subvention", "montant": "15 000,00 €", "collectivite.nom": "Département de l'Hérault",
                  "collectivite.categorie": "departement", "deliberation.organe": "commission_permanente",
                  "deliberation.date": "05/03/2024", "beneficiaire.nom": "Eau pour Podor", "beneficiaire.categorie": "association",
                  "beneficiaire.pays": "FR", "action.nature": "aide_au_developpement", "action.domaine": "solidarite_internationale",
                  "action.pays": "SN", "action.subvention_affectee": "oui", "convention": "aucune",
                  "convention_attributive.date_signature": "10/03/2024", "convention_attributive.montant": "15 000,00",
                  "convention_attributive.conditions_utilisation": "oui"}
        r = self.post_form(cookie, "/dossiers/nouveau", fields)
        self.assertEqual(r.status, 303, r.text[-3000:])
        stored = self.server.request("GET", "/api/dossiers/FORM-SN-2024", token=self.agent).json()["dossier"]
        self.assertEqual(stored["montant"], "15000.00")
        self.assertEqual(stored["deliberation"]["date"], "2024-03-05")
        self.assertIsNone(stored["convention"])
        self.assertEqual(stored["action"]["pays"], ["SN"])
        self.assertNotIn("financement", stored)  # nothing typed: absent, the rules ask for it
        # A mistake in one field: shown beside it, everything typed kept.
        r = self.post_form(cookie, "/dossiers/nouveau", dict(fields, id="FORM-SN-2024-B", **{"deliberation.date": "32/13/2024"}))
        self.assertEqual(r.status, 400)
        self.assertIn('id="erreur-deliberation.date"', r.text)
        self.assertIn('value="Eau pour Podor"', r.text)
        # A required body left empty while the date is given: said on the body's own select, in
        # French, not in schema words on the JSON box (review of 3 December 2026).
        partial = dict(fields, id="FORM-SN-2024-C")
        partial.pop("deliberation.organe")
        r = self.post_form(cookie, "/dossiers/nouveau", partial)
        self.assertEqual(r.status, 400)
        self.assertIn('id="erreur-deliberation.organe"', r.text)
        self.assertNotIn("champ obligatoire absent", r.text)
        # The stored dossier opens in the same fields and saves unchanged (a code INSEE made it refused).
        d = json.loads(case("er-de-2006.json"))
        d["id"] = "FORM-ERDE"
        self.assertEqual(self.server.request("POST", "/api/dossiers", d, token=self.agent).status, 201)
        page = self.server.request("GET", "/dossiers/FORM-ERDE/modifier", headers={"Cookie": cookie}).text
        values = {}
        for name, value in re.findall(r'<input id="[^"]*" name="([^"]+)" value="([^"]*)"', page):
            values[name] = html.unescape(value)
        for name, options in re.findall(r'<select id="[^"]*" name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
            chosen = re.search(r'<option value="([^"]*)" selected>', options)
            if chosen:
                values[name] = html.unescape(chosen.group(1))
        complement = re.search(r'<textarea id="complement" name="complement"[^>]*>(.*?)</textarea>', page, re.S).group(1)
        values["complement"] = html.unescape(complement)
        values["version"] = re.search(r'name="version" value="(\d+)"', page).group(1)
        self.assertEqual(values["collectivite.code_insee"], d["collectivite"]["code_insee"])
        r = self.post_form(cookie, "/dossiers/FORM-ERDE/modifier", dict(values, csrf=csrf))
        self.assertEqual(r.status, 303, r.text[-3000:])
        again = self.server.request("GET", "/api/dossiers/FORM-ERDE", token=self.agent).json()["dossier"]
        self.assertEqual(again, d)

    def test_an_unknown_page_is_a_page_and_an_unknown_api_route_is_json(self):
        r = self.server.request("GET", "/inexistant")
        self.assertEqual(r.status, 404)
        self.assertTrue(r.headers["content-type"].startswith("text/html"), r.headers["content-type"])
        self.assertIn("Ressource introuvable", r.text)
        r = self.server.request("GET", "/api/inexistant", token=self.agent)
        self.assertEqual(r.status, 404)
        self.assertEqual(r.json()["erreurs"][0]["message"], "ressource introuvable")

    def test_the_dossier_page_reads_as_a_finance_officer_needs(self):
        # A conforme dossier with a warning violated and lawyers' notes (review of 2 December 2026:
        # the page showed « violee » under CONFORME with no severity, and no note reached it).
        d = json.loads(case("er-de-2006.json"))
        d["id"] = "PAGE-ERDE-2006"
        self.assertEqual(self.server.request("POST", "/api/dossiers", d, token=self.agent).status, 201)
        cookie, _ = page_session(self.server, "juriste")
        page = self.server.request("GET", "/dossiers/PAGE-ERDE-2006", headers={"Cookie": cookie}).text
        self.assertIn("CONFORME", page)
        self.assertIn("violée<br><small>avertissement</small>", page)
        self.assertNotIn(">violee<", page)
        self.assertIn("Notes des juristes", page)
        self.assertIn("à vérifier par un juriste", page)
        self.assertIn("base de règles <code>sha256:", page)
        self.assertIn("Note à copier", page)
        self.assertIn("règles sans objet pour ce dossier</summary>", page)
        self.assertRegex(page, r"<dd>\d[\d\u202f\u00a0 ]*\d{3},\d\d €</dd>")  # the amount in French
        # An incomplete dossier: one line a document, the note lists it.
        d = json.loads(case("erde-2006-sans-indice.json"))
        d["id"] = "PAGE-ERDE-SANS-INDICE"
        del d["deliberation"]
        self.assertEqual(self.server.request("POST", "/api/dossiers", d, token=self.agent).status, 201)
        page = self.server.request("GET", "/dossiers/PAGE-ERDE-SANS-INDICE", headers={"Cookie": cookie}).text
        self.assertEqual(page.count("organe délibérant (date, organe) <small>(champ"), 1, page[:3000])
        note = re.search(r'<textarea readonly[^>]*>(.*?)</textarea>', page, re.S).group(1)
        self.assertIn("Verdict : INCOMPLET", note)
        self.assertIn("Pièces à demander", note)

    def test_every_version_of_a_dossier_can_be_read_again_with_what_changed(self):
        # Review of 2 December 2026: once amended, what a committee voted on could not be read
        # from the dossier's page any more.
        d = json.loads(case("er-de-2006.json"))
        d["id"] = "VERSIONS-ERDE"
        self.assertEqual(self.server.request("POST", "/api/dossiers", d, token=self.agent).status, 201)
        amended = json.loads(json.dumps(d))
        del amended["deliberation"]  # organe and date: the reader refuses a deliberation without its date
        amended["objet"] = d["objet"] + " (modifié)"
        self.assertEqual(self.server.request("PUT", "/api/dossiers/VERSIONS-ERDE", amended, token=self.agent).status, 200)
        cookie, _ = page_session(self.server, "budget")
        page = self.server.request("GET", "/dossiers/VERSIONS-ERDE", headers={"Cookie": cookie}).text
        self.assertIn("Versions du dossier", page)
        self.assertIn('href="/dossiers/VERSIONS-ERDE/versions/1"', page)
        self.assertIn("version 2</a> (courante)", page)
        first = self.server.request("GET", "/dossiers/VERSIONS-ERDE/versions/1", headers={"Cookie": cookie})
        self.assertEqual(first.status, 200)
        self.assertIn("Première version du dossier", first.text)
        self.assertIn('class="conforme">CONFORME', first.text)
        self.assertIn("sa version courante est la 2", first.text)
        self.assertIn(html.escape(d["deliberation"]["date"]), first.text)
        second = self.server.request("GET", "/dossiers/VERSIONS-ERDE/versions/2", headers={"Cookie": cookie}).text
        self.assertIn("3 faits changés depuis la version 1", second)
        self.assertIn('class="incomplet">INCOMPLET', second)
        row = re.search(r"Date de la délibération \(JJ/MM/AAAA\)<br><small><code>deliberation.date</code></small></th>"
                        r"<td>(.*?)</td><td>(.*?)</td>", second)
        self.assertIsNotNone(row, second[:4000])
        self.assertEqual(html.unescape(row.group(1)), "« %s »" % d["deliberation"]["date"])
        self.assertEqual(row.group(2), "<em>absent</em>")
        for path, status in [("/dossiers/VERSIONS-ERDE/versions/3", 404), ("/dossiers/VERSIONS-ERDE/versions/0", 404),
                             ("/dossiers/INCONNU/versions/1", 404), ("/dossiers/VERSIONS-ERDE/versions/1x", 404),
                             ("/dossiers/VERSIONS-ERDE/versions/9999999999999999", 404)]:
            self.assertEqual(self.server.request("GET", path, headers={"Cookie": cookie}).status, status, path)
        self.assertEqual(self.server.request("GET", "/dossiers/VERSIONS-ERDE/versions/1").status, 303)  # no session
        # The search box ignores accents and case.
        listed = self.server.request("GET", "/dossiers?q=" + quote("MODIFIE"), headers={"Cookie": cookie}).text
        self.assertIn('href="/dossiers/VERSIONS-ERDE"', listed)

    def test_stored_script_is_shown_as_text(self):
        d = json.loads(case(DOSSIER))
        d["id"] = "XSS-<img src=x onerror=alert(1)>"
        d["objet"] = "<script>alert('xss')</script> jumelage"
        r = self.server.request("POST", "/api/dossiers", d, token=self.agent)
        self.assertEqual(r.status, 201, r.text)
        cookie, _ = page_session(self.server, "juriste")
        for path in ["/dossiers", "/dossiers/" + quote(d["id"]), "/dossiers/" + quote(d["id"]) + "/versions/1"]:
            page = self.server.request("GET", path, headers={"Cookie": cookie})
            self.assertEqual(page.status, 200, path)
            self.assertNotIn("<script>alert", page.text)
            self.assertNotIn("<img src=x", page.text)
            self.assertIn("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;", page.text)
            self.assertIn("script-src 'none'", page.headers["content-security-policy"])

    def test_downloads_take_no_path_from_the_request(self):
        budget = self.server.login("budget")
        for path in ["/api/jaune/..%2f..%2fetc%2fpasswd", "/api/jaune/2012?format=..%2f..%2fetc%2fpasswd",
                     "/api/jaune/2012?format=xlsx%00.html", "/api/jaune/../../etc/passwd"]:
            r = self.server.request("GET", path, token=budget)
            self.assertIn(r.status, (400, 404), path)
            self.assertNotIn(b"root:", r.data)

    def test_login_is_throttled_per_name_then_even_the_right_password_waits(self):
        add_user(self.server.data, "cible", "agent")
        for _ in range(5):
            self.assertEqual(self.server.request("GET", "/api/dossiers", token=self.agent).status, 200)
            r = self.server.request("POST", "/api/session", {"nom": "cible", "mot_de_passe": "mauvais-mot-de-passe"})
            self.assertEqual(r.status, 401)
        r = self.server.request("POST", "/api/session", {"nom": "cible", "mot_de_passe": "mot-de-passe-de-test"})
        self.assertEqual(r.status, 429)
        self.assertGreater(int(r.headers["retry-after"]), 0)
        # Another name from the same address may still log in (the address limit is higher).
        self.assertEqual(self.server.request("POST", "/api/session", {"nom": "juriste", "mot_de_passe": "mot-de-passe-de-test"}).status, 200)
        db = sqlite3.connect(os.path.join(self.server.data, "subsidia.sqlite"))
        self.assertEqual(db.execute("SELECT count(*) FROM audit WHERE action = 'connexion_refusee' AND objet = 'cible'").fetchone()[0], 5)
        # Only a hash of each session token is stored.
        self.assertEqual(db.execute("SELECT count(*) FROM sessions WHERE jeton_sha256 = ?", (self.agent,)).fetchone()[0], 0)
        db.close()


if __name__ == "__main__":
    unittest.main()
