"""The JSON API against a real server and a real SQLite file (tests/server/harness.py)."""
import glob
import html
import shutil
import tempfile
import json
import os
import signal
import time
import sqlite3
import subprocess
import unittest
import urllib.parse

from harness import BINARY, SOURCE, Server, case, quote
from security_test import page_session

NON_COMPLIANT = "ciblage-2019-non-affectee.json"


class Api(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.agent = cls.server.login("agent")
        cls.budget = cls.server.login("budget")
        cls.admin = cls.server.login("admin")
        cls.juriste = cls.server.login("juriste")

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def test_health_needs_no_session_and_names_the_rules(self):
        r = self.server.request("GET", "/api/sante")
        self.assertEqual(r.status, 200)
        body = r.json()
        self.assertEqual(body["etat"], "ok")
        self.assertTrue(body["empreinte_regles"].startswith("sha256:"))
        self.assertTrue(body["version"])

    def test_login_with_a_wrong_password_is_401_and_a_good_one_sets_a_strict_cookie(self):
        r = self.server.request("POST", "/api/session", {"nom": "juriste", "mot_de_passe": "faux-mot-de-passe"})
        self.assertEqual(r.status, 401)
        r = self.server.request("POST", "/api/session", {"nom": "juriste", "mot_de_passe": "mot-de-passe-de-test"})
        self.assertEqual(r.status, 200)
        cookie = r.headers["set-cookie"]
        self.assertIn("HttpOnly", cookie)
        self.assertIn("SameSite=Strict", cookie)
        self.assertNotIn("Secure", cookie)
        r = self.server.request("POST", "/api/session", {"nom": "juriste", "mot_de_passe": "mot-de-passe-de-test"},
                                headers={"X-Forwarded-Proto": "https"})
        self.assertIn("Secure", r.headers["set-cookie"])

    def test_verifier_answers_what_check_json_writes(self):
        path = os.path.join(SOURCE, "cases", NON_COMPLIANT)
        cli = json.loads(subprocess.run([BINARY, "check", "--format", "json", "--regles", os.path.join(SOURCE, "rules"), path],
                                        capture_output=True, text=True).stdout)
        r = self.server.request("POST", "/api/verifier", case(NON_COMPLIANT), token=self.juriste,
                                content_type="application/json")
        self.assertEqual(r.status, 200, r.text)
        api = r.json()
        self.assertEqual(set(api.keys()), set(cli.keys()))
        for d in (api["dossiers"][0], cli["dossiers"][0]):
            d.pop("fichier")
        self.assertEqual(api["dossiers"][0], cli["dossiers"][0])
        self.assertEqual(api["resume"], cli["resume"])
        self.assertEqual(api["moteur"]["empreinte_regles"], cli["moteur"]["empreinte_regles"])
        # Checked, not stored.
        self.assertEqual(self.server.request("GET", "/api/dossiers/" + quote(api["dossiers"][0]["id"]), token=self.agent).status, 404)

    def test_verifier_takes_an_array_and_jsonl_and_reports_unreadable_ones_with_their_path(self):
        good = json.loads(case(NON_COMPLIANT))
        bad = dict(good, id="MAUVAIS", montant="12,50")
        r = self.server.request("POST", "/api/verifier", [good, bad], token=self.juriste)
        body = r.json()
        self.assertEqual(r.status, 200)
        self.assertEqual(len(body["dossiers"]), 1)
        self.assertEqual(body["resume"]["erreurs"], 1)
        self.assertEqual(body["erreurs"][0]["chemin"], "/1/montant")
        lines = json.dumps(good) + "\n" + json.dumps(dict(good, id="AUTRE")) + "\n"
        r = self.server.request("POST", "/api/verifier", lines, token=self.juriste, content_type="application/x-ndjson")
        self.assertEqual([d["ligne"] for d in r.json()["dossiers"]], [1, 2])

    def test_two_people_amending_one_version_do_not_undo_each_other(self):
        d = json.loads(case(NON_COMPLIANT))
        d["id"] = "API-CONFLIT-1"
        self.assertEqual(self.server.request("POST", "/api/dossiers", d, token=self.agent).status, 201)
        got = self.server.request("GET", "/api/dossiers/API-CONFLIT-1", token=self.agent)
        etag = got.headers["etag"]
        self.assertEqual(etag, '"1"')
        first, second = json.loads(json.dumps(got.json()["dossier"])), json.loads(json.dumps(got.json()["dossier"]))
        first["montant"] = "1234.00"
        second["objet"] = "Objet de B"
        r = self.server.request("PUT", "/api/dossiers/API-CONFLIT-1", first, token=self.agent, headers={"If-Match": etag})
        self.assertEqual(r.status, 200, r.text)
        self.assertEqual(r.headers["etag"], '"2"')
        r = self.server.request("PUT", "/api/dossiers/API-CONFLIT-1", second, token=self.admin, headers={"If-Match": etag})
        self.assertEqual(r.status, 412, r.text)
        self.assertIn("« agent »", r.json()["erreurs"][0]["message"])
        now = self.server.request("GET", "/api/dossiers/API-CONFLIT-1", token=self.agent).json()
        self.assertEqual(now["dossier"]["montant"], "1234.00")
        self.assertEqual(len(now["versions"]), 2)
        bad = self.server.request("PUT", "/api/dossiers/API-CONFLIT-1", second, token=self.admin, headers={"If-Match": "v2"})
        self.assertEqual(bad.status, 400)
        # The same through the pages: the second form, opened on version 2, comes back with a 409
        # and its text; sent again, it replaces the version it was warned about.
        cookie_a, csrf_a = page_session(self.server, "agent")
        cookie_b, csrf_b = page_session(self.server, "admin")
        form_a = self.server.request("GET", "/dossiers/API-CONFLIT-1/modifier", headers={"Cookie": cookie_a}).text
        self.server.request("GET", "/dossiers/API-CONFLIT-1/modifier", headers={"Cookie": cookie_b})
        self.assertIn('name="version" value="2"', form_a)
        fields = {"id": "API-CONFLIT-1", "exercice": str(d["exercice"]), "collectivite.nom": d["collectivite"]["nom"],
                  "collectivite.categorie": d["collectivite"]["categorie"], "type_intervention": d["type_intervention"],
                  "montant": "99.00", "complement": "{}", "version": "2"}
        post = lambda cookie, csrf, objet: self.server.request(
            "POST", "/dossiers/API-CONFLIT-1/modifier",
            urllib.parse.urlencode(dict(fields, objet=objet, csrf=csrf)),
            content_type="application/x-www-form-urlencoded", headers={"Cookie": cookie})
        self.assertEqual(post(cookie_a, csrf_a, "Objet de A").status, 303)
        r = post(cookie_b, csrf_b, "Objet de B")
        self.assertEqual(r.status, 409, r.text)
        self.assertIn("Objet de B", r.text)
        self.assertIn('name="version" value="3"', r.text)
        now = self.server.request("GET", "/api/dossiers/API-CONFLIT-1", token=self.agent).json()
        self.assertEqual(now["dossier"]["objet"], "Objet de A")

    def test_store_read_amend_and_soft_delete_keep_the_history(self):
        d = json.loads(case(NON_COMPLIANT))
        d["id"] = "API-CYCLE-1"
        r = self.server.request("POST", "/api/dossiers", d, token=self.agent)
        self.assertEqual(r.status, 201, r.text)
        self.assertEqual(r.json()["dossiers"][0]["verdict"], "non_conforme")
        self.assertEqual(self.server.request("POST", "/api/dossiers", d, token=self.agent).status, 409)
        d["objet"] = "Objet corrigé"
        r = self.server.request("PUT", "/api/dossiers/API-CYCLE-1", d, token=self.agent)
        self.assertEqual(r.status, 200, r.text)
        got = self.server.request("GET", "/api/dossiers/API-CYCLE-1", token=self.juriste).json()
        self.assertEqual(got["dossier"]["objet"], "Objet corrigé")
        self.assertEqual([v["version"] for v in got["versions"]], [1, 2])
        self.assertEqual(len(got["verifications"]), 2)
        self.assertEqual(got["verifications"][0]["qui"], "agent")
        self.assertTrue(got["verifications"][1]["empreinte_regles"].startswith("sha256:"))
        self.assertEqual(got["resultat"]["verdict"], "non_conforme")
        self.assertEqual(self.server.request("DELETE", "/api/dossiers/API-CYCLE-1", token=self.agent).status, 403)
        self.assertEqual(self.server.request("DELETE", "/api/dossiers/API-CYCLE-1", token=self.admin).status, 200)
        self.assertEqual(self.server.request("GET", "/api/dossiers/API-CYCLE-1", token=self.admin).status, 404)
        db = sqlite3.connect(os.path.join(self.server.data, "subsidia.sqlite"))
        actions = [a for (a,) in db.execute("SELECT action FROM audit WHERE objet = 'API-CYCLE-1' ORDER BY id")]
        self.assertEqual(actions, ["dossier_cree", "dossier_modifie", "dossier_supprime"])
        self.assertEqual(db.execute("SELECT count(*) FROM versions WHERE dossier = 'API-CYCLE-1'").fetchone()[0], 2)
        db.close()

    def test_an_id_taken_up_to_an_invisible_blank_is_shown_with_it(self):
        # « API-EM-1 » and « API-EM-1 » followed by an em space are one dossier for the jaune: the 409
        # names the stored one with its blank shown, not as the same-looking text (review 30).
        d = json.loads(case(NON_COMPLIANT))
        d["id"] = "API-EM-1\u2003"
        self.assertEqual(self.server.request("POST", "/api/dossiers", d, token=self.agent).status, 201)
        d["id"] = "API-EM-1"
        r = self.server.request("POST", "/api/dossiers", d, token=self.agent)
        self.assertEqual(r.status, 409, r.text)
        self.assertIn("API-EM-1\u27e8U+2003\u27e9", r.text)

    def test_an_id_with_a_slash_is_refused_for_storage_and_a_deleted_id_says_so(self):
        good = json.loads(case(NON_COMPLIANT))
        # Verified, fine; stored, it could never be reached at /api/dossiers/{id}.
        r = self.server.request("POST", "/api/verifier", dict(good, id="CP 12/101"), token=self.juriste)
        self.assertEqual(r.status, 200, r.text)
        r = self.server.request("POST", "/api/dossiers", [dict(good, id="BARRE-OK"), dict(good, id="CP 12/101")],
                                token=self.agent)
        self.assertEqual(r.status, 400, r.text)
        self.assertEqual(r.json()["erreurs"][0]["chemin"], "/1/id")
        self.assertIn("« / »", r.json()["erreurs"][0]["message"])
        self.assertEqual(self.server.request("GET", "/api/dossiers/BARRE-OK", token=self.agent).status, 404)
        # "." and ".." are resolved away by browsers: such a dossier could not be opened from the pages.
        for dots in [".", ".."]:
            r = self.server.request("POST", "/api/dossiers", dict(good, id=dots), token=self.agent)
            self.assertEqual(r.status, 400, r.text)
            self.assertEqual(r.json()["erreurs"][0]["chemin"], "/id")
        # A deleted dossier's id stays taken (its history is kept): the 409 says so.
        self.assertEqual(self.server.request("POST", "/api/dossiers", dict(good, id="SUPPRIME-1"), token=self.agent).status, 201)
        self.assertEqual(self.server.request("DELETE", "/api/dossiers/SUPPRIME-1", token=self.admin).status, 200)
        r = self.server.request("POST", "/api/dossiers", dict(good, id="SUPPRIME-1"), token=self.agent)
        self.assertEqual(r.status, 409)
        self.assertIn("supprimé", r.text)
        self.assertNotIn("PUT", r.text)

    def test_a_batch_with_one_bad_dossier_stores_nothing(self):
        good = json.loads(case(NON_COMPLIANT))
        batch = [dict(good, id="LOT-1"), dict(good, id="LOT-2", exercice="deux mille")]
        r = self.server.request("POST", "/api/dossiers", batch, token=self.agent)
        self.assertEqual(r.status, 400)
        self.assertEqual(r.json()["erreurs"][0]["chemin"], "/1/exercice")
        self.assertEqual(self.server.request("GET", "/api/dossiers/LOT-1", token=self.agent).status, 404)

    def test_list_filters_by_year_verdict_and_text(self):
        good = json.loads(case(NON_COMPLIANT))
        batch = [dict(good, id="FILTRE-%d" % i, objet="Jumelage %d" % i) for i in range(3)]
        self.assertEqual(self.server.request("POST", "/api/dossiers", batch, token=self.agent).status, 201)
        r = self.server.request("GET", "/api/dossiers?exercice=2019&verdict=non_conforme&q=" + quote("Jumelage 1"), token=self.budget)
        self.assertEqual([d["id"] for d in r.json()["dossiers"]], ["FILTRE-1"])
        r = self.server.request("GET", "/api/dossiers?exercice=1999", token=self.budget)
        self.assertEqual(r.json()["dossiers"], [])
        self.assertEqual(self.server.request("GET", "/api/dossiers?verdict=bof", token=self.budget).status, 400)
        # The page says a filter it cannot apply, and lists nothing rather than everything.
        cookie, _ = page_session(self.server, "budget")
        page = self.server.request("GET", "/dossiers?exercice=2019&q=" + quote("Jumelage 1"), headers={"Cookie": cookie})
        self.assertEqual(page.status, 200)
        self.assertIn("FILTRE-1", page.text)
        self.assertNotIn("FILTRE-2", page.text)
        for query in ["exercice=201", "exercice=abc", "verdict=conform"]:
            page = self.server.request("GET", "/dossiers?" + query, headers={"Cookie": cookie})
            self.assertEqual(page.status, 400, query)
            self.assertIn("Filtre non appliqué", page.text)
            self.assertNotIn("FILTRE-1", page.text)

    def test_a_list_past_500_says_its_true_count_and_pages(self):
        # Review 23: a year of 620 dossiers was captioned « 500 dossiers », the API said nothing of the cut.
        good = json.loads(case(NON_COMPLIANT))
        batch = [dict(good, id="PAGE-%04d" % i, exercice=2049) for i in range(620)]
        self.assertEqual(self.server.request("POST", "/api/dossiers", batch, token=self.agent).status, 201)
        first = self.server.request("GET", "/api/dossiers?exercice=2049", token=self.budget).json()
        self.assertEqual((len(first["dossiers"]), first["total"], first["debut"], first["suivant"]), (500, 620, 0, 500))
        second = self.server.request("GET", "/api/dossiers?exercice=2049&debut=500", token=self.budget).json()
        self.assertEqual((len(second["dossiers"]), second["total"]), (120, 620))
        self.assertNotIn("suivant", second)
        self.assertEqual(sorted(d["id"] for d in first["dossiers"] + second["dossiers"]), ["PAGE-%04d" % i for i in range(620)])
        self.assertEqual(self.server.request("GET", "/api/dossiers?debut=x", token=self.budget).status, 400)
        # Past SQLite's signed 64 bits the offset wrapped round to the first page (review 30).
        for beyond in ("9223372036854775808", "18446744073709551615"):
            self.assertEqual(self.server.request("GET", "/api/dossiers?debut=" + beyond, token=self.budget).status, 400)
        cookie, _ = page_session(self.server, "budget")
        page = self.server.request("GET", "/dossiers?exercice=2049", headers={"Cookie": cookie}).text
        self.assertIn("620 dossiers : du 1er au 500e ci-dessous", page)
        self.assertIn("debut=500", page)
        page = self.server.request("GET", "/dossiers?exercice=2049&debut=500", headers={"Cookie": cookie}).text
        self.assertIn("PAGE-0619", page)
        self.assertNotIn("PAGE-0000", page)

    def test_jaune_of_stored_dossiers_has_the_figures_of_subsidia_jaune(self):
        texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(SOURCE, "cases", "jaune-2012", "*.json")))]
        body = "\n".join(json.dumps(json.loads(t)) for t in texts if not t.lstrip().startswith("["))
        r = self.server.request("POST", "/api/dossiers", body, token=self.agent, content_type="application/x-ndjson")
        self.assertEqual(r.status, 201, r.text[:2000])
        cli = json.loads(subprocess.run([BINARY, "jaune", "--exercice", "2012", "--format", "json", "--regles",
                                         os.path.join(SOURCE, "rules"), os.path.join(SOURCE, "cases", "jaune-2012")],
                                        capture_output=True, text=True).stdout)
        self.assertEqual(self.server.request("GET", "/api/jaune/2012", token=self.agent).status, 403)
        api = self.server.request("GET", "/api/jaune/2012?format=json", token=self.budget).json()
        self.assertEqual(api["total"], cli["total"])
        self.assertEqual(api["total_meur"], cli["total_meur"])
        # Line by line the same amounts and dossiers (stored dossiers come in id order).
        self.assertEqual([(l["libelle"], l["montant"], sorted(l["dossiers"])) for l in api["synthese"]],
                         [(l["libelle"], l["montant"], sorted(l["dossiers"])) for l in cli["synthese"]])
        self.assertEqual(api["moteur"]["empreinte_regles"], cli["moteur"]["empreinte_regles"])
        # The server's paths do not go into an annex handed out.
        self.assertNotIn(SOURCE, json.dumps(api["notes"], ensure_ascii=False))
        self.assertIn("tables/pays-zones.csv de la base de règles", json.dumps(api["notes"], ensure_ascii=False))
        # The page shows the synthesis the downloads write, « pour mémoire » and set-asides included.
        cookie, _ = page_session(self.server, "budget")
        page = self.server.request("GET", "/jaune?exercice=2012", headers={"Cookie": cookie}).text
        for line in cli["synthese"]:
            self.assertIn(html.escape(line["libelle"], quote=True), page)
        self.assertIn("Pour mémoire, opérations exceptionnelles", page)
        exceptional = api["operations_exceptionnelles"]["total"]
        self.assertGreater(len(api["operations_exceptionnelles"]["lignes"]), 0)
        whole, cents = exceptional.split(".")
        french = "{:,}".format(int(whole)).replace(",", "\u202f") + "," + cents
        self.assertIn(french + " €", page.replace("\u00a0", "\u202f"))
        for caption in ["Par secteur", "Par domaine", "Par zone", "Par imputation"]:
            self.assertIn("<caption>" + caption + "</caption>", page)
        # Review 23: the page names the engine, carries the jaune's notes, links the flagged dossiers,
        # and says a year it cannot read instead of showing the bare form.
        self.assertIn("moteur Subsidia " + cli["moteur"]["version"], page)
        self.assertIn("Notes pour le service du budget", page)
        self.assertIn("M€ : montant en euros divisé par un million", page)
        self.assertEqual(page.count("<li>", page.index("Notes pour le service du budget")), len(api["notes"]))
        for query in ["exercice=deux", "exercice=1900"]:
            bad = self.server.request("GET", "/jaune?" + query, headers={"Cookie": cookie})
            self.assertEqual(bad.status, 400, query)
            self.assertIn("une année de 1980 à 2100", bad.text)
        self.assertEqual(self.server.request("GET", "/jaune?exercice=2012%20", headers={"Cookie": cookie}).status, 200)
        # A year without a dossier says so, and offers no download that would answer 404.
        empty = self.server.request("GET", "/jaune?exercice=2077", headers={"Cookie": cookie}).text
        self.assertIn("exercice 2077", html.unescape(empty))
        self.assertIn("aucun dossier de l'exercice", html.unescape(empty))
        self.assertNotIn("/api/jaune/2077?format", empty)
        xlsx = self.server.request("GET", "/api/jaune/2012?format=xlsx", token=self.budget)
        self.assertEqual(xlsx.status, 200)
        self.assertTrue(xlsx.data.startswith(b"PK"))
        self.assertIn('filename="jaune-2012.xlsx"', xlsx.headers["content-disposition"])
        csv = self.server.request("GET", "/api/jaune/2012?format=csv", token=self.admin)
        self.assertEqual(csv.status, 200)
        self.assertEqual(self.server.request("GET", "/api/jaune/2013?format=json", token=self.budget).status, 404)
        r = self.server.request("POST", "/api/jaune/2012/reverifier", token=self.budget)
        self.assertEqual(r.json()["reverifies"], len(texts))

    def test_rules_list_ids_titles_sources_and_periods(self):
        r = self.server.request("GET", "/api/regles", token=self.juriste).json()
        self.assertGreater(len(r["regles"]), 5)
        version = r["regles"][0]["versions"][0]
        self.assertTrue(version["titre"])
        self.assertIn("du", version["periode"])
        self.assertTrue(any(v["sources"] for f in r["regles"] for v in f["versions"]))

    def test_wrong_content_type_is_415(self):
        r = self.server.request("POST", "/api/verifier", "id=1", token=self.agent, content_type="application/x-www-form-urlencoded")
        self.assertEqual(r.status, 415)
        self.assertIn("erreurs", r.json())

    def test_reload_by_admin_keeps_the_fingerprint_of_the_same_rules(self):
        before = self.server.request("GET", "/api/sante").json()["empreinte_regles"]
        self.assertEqual(self.server.request("POST", "/api/regles/recharger", token=self.agent).status, 403)
        r = self.server.request("POST", "/api/regles/recharger", token=self.admin)
        self.assertEqual(r.status, 200, r.text)
        self.assertEqual(r.json()["empreinte_regles"], before)

    def test_audit_log_is_append_only_in_the_database_itself(self):
        self.assertEqual(self.server.request("POST", "/api/verifier", case(NON_COMPLIANT), token=self.juriste,
                                             content_type="application/json").status, 200)
        db = sqlite3.connect(os.path.join(self.server.data, "subsidia.sqlite"))
        self.assertGreater(db.execute("SELECT count(*) FROM audit").fetchone()[0], 0)
        with self.assertRaises(sqlite3.DatabaseError):
            db.execute("UPDATE audit SET qui = 'personne'")
        with self.assertRaises(sqlite3.DatabaseError):
            db.execute("DELETE FROM audit")
        # 1 the tables, 2 the id keys, 3 their dashes, 4 their blanks, 5 the accents of Latin Extended-A
        self.assertEqual(db.execute("PRAGMA user_version").fetchone()[0], 5)
        self.assertEqual(db.execute("PRAGMA journal_mode").fetchone()[0], "wal")
        db.close()
        r = self.server.request("GET", "/api/audit", token=self.admin).json()
        self.assertTrue(any(e["action"] == "verification" and e["sha256"] for e in r["audit"]))


class Signals(unittest.TestCase):
    def test_sighup_reloads_the_rules_and_sigterm_stops_cleanly(self):
        server = Server()
        try:
            token = server.login("admin")
            # The shipped base has no warning to show.
            self.assertEqual(server.request("GET", "/api/regles", token=token).json()["avertissements"], [])
            server.process.send_signal(signal.SIGHUP)
            deadline = time.time() + 20
            reloaded = []
            while time.time() < deadline and not reloaded:
                audit = server.request("GET", "/api/audit", token=token).json()["audit"]
                reloaded = [e for e in audit if e["action"] == "regles_rechargees" and e["qui"] == "(SIGHUP)"]
                time.sleep(0.1)
            self.assertTrue(reloaded)
            self.assertTrue(reloaded[0]["empreinte_regles"].startswith("sha256:"))
            # Still serving after the reload, then a clean exit on SIGTERM.
            self.assertEqual(server.request("GET", "/api/sante").status, 200)
            self.assertEqual(server.stop(signal.SIGTERM), 0)
        finally:
            server.close()

    def test_a_reload_writes_the_warnings_of_the_new_base_in_the_audit_trail(self):
        rules = tempfile.mkdtemp(prefix="subsidia-regles-")
        shutil.rmtree(rules)
        shutil.copytree(os.path.join(SOURCE, "rules"), rules)
        server = Server(rules=rules)
        try:
            token = server.login("admin")
            # A dossier checked with the base before the reload: its page says so afterwards.
            d = json.loads(case("er-de-2006.json"))
            d["id"] = "AVANT-RECHARGE"
            self.assertEqual(server.request("POST", "/api/dossiers", d, token=server.login("agent")).status, 201)
            agent_cookie, _ = page_session(server, "agent")
            stale = "Verdict rendu avec une base de règles remplacée depuis"
            self.assertNotIn(stale, server.request("GET", "/dossiers/AVANT-RECHARGE", headers={"Cookie": agent_cookie}).text)
            with open(os.path.join(rules, "zz-nouvelle.regles"), "w", encoding="utf-8") as f:
                f.write('source S_A_VENIR\n  intitulé "Rédaction à venir"\n  en vigueur du 2030-01-01\nfin\n')
            server.process.send_signal(signal.SIGHUP)
            deadline = time.time() + 20
            reloaded = []
            while time.time() < deadline and not reloaded:
                audit = server.request("GET", "/api/audit", token=token).json()["audit"]
                reloaded = [e for e in audit if e["action"] == "regles_rechargees"]
                time.sleep(0.1)
            self.assertTrue(reloaded)
            self.assertIn("zz-nouvelle.regles:1:8: avertissement [source_inutilisee]", reloaded[0]["detail"])
            # The rules in service carry them: in /api/regles, and on the rules page, escaped.
            warnings = server.request("GET", "/api/regles", token=token).json()["avertissements"]
            self.assertEqual([(w["code"], w["ligne"], w["colonne"]) for w in warnings],
                             [("source_inutilisee", 1, 8)])
            self.assertTrue(warnings[0]["fichier"].endswith("zz-nouvelle.regles"))
            self.assertIn("S_A_VENIR", warnings[0]["message"])
            cookie, _ = page_session(server, "agent")
            page = server.request("GET", "/regles", headers={"Cookie": cookie}).text
            self.assertIn("Avertissements de la base", page)
            self.assertIn("[source_inutilisee] la source S_A_VENIR n&#39;est citée par aucune règle", page)
            self.assertIn(stale, server.request("GET", "/dossiers/AVANT-RECHARGE", headers={"Cookie": agent_cookie}).text)
            self.assertEqual(server.stop(signal.SIGTERM), 0)
        finally:
            server.close()
            shutil.rmtree(rules, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
