"""Accounts over their life, against a real server: an administrator deactivates, reactivates,
changes the role or the password of an account from the accounts page; anyone changes their
own password. Each change closes the account's sessions at once, is refused without the
session's CSRF token or for another role, never leaves the server without an active
administrator, and is in the audit log under the administrator's name."""
import json
import re
import sqlite3
import os
import unittest
import urllib.parse

from harness import Server, PASSWORD

FORM = "application/x-www-form-urlencoded"


def page_login(server, name, password=PASSWORD):
    """The login page's CSRF cookie and field, then the session cookie and the session's CSRF
    token; (None, status) when the login is refused."""
    r = server.request("GET", "/connexion")
    login_cookie = r.headers["set-cookie"].split(";")[0]
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', r.text).group(1)
    form = urllib.parse.urlencode({"csrf": csrf, "nom": name, "mot_de_passe": password})
    r = server.request("POST", "/connexion", form, content_type=FORM, headers={"Cookie": login_cookie})
    if r.status != 303:
        return None, r.status
    cookie = r.headers["set-cookie"].split(";")[0]
    page = server.request("GET", "/dossiers", headers={"Cookie": cookie})
    return (cookie, re.search(r'name="csrf" value="([0-9a-f]+)"', page.text).group(1)), 303


class Accounts(unittest.TestCase):
    def setUp(self):
        self.server = Server()
        (self.admin_cookie, self.admin_csrf), _ = page_login(self.server, "admin")

    def tearDown(self):
        self.server.close()

    def post(self, path, fields, cookie=None, csrf=None):
        fields = dict(fields)
        if csrf is not None:
            fields["csrf"] = csrf
        return self.server.request("POST", path, urllib.parse.urlencode(fields), content_type=FORM,
                                   headers={"Cookie": cookie or self.admin_cookie})

    def admin_post(self, path, fields):
        return self.post(path, fields, csrf=self.admin_csrf)

    def audit(self):
        with sqlite3.connect(os.path.join(self.server.data, "subsidia.sqlite")) as db:
            return db.execute("SELECT qui, action, objet FROM audit ORDER BY id").fetchall()

    def test_a_deactivated_account_loses_its_sessions_and_cannot_log_in_until_reactivated(self):
        token = self.server.login("agent")
        self.assertEqual(self.server.request("GET", "/api/dossiers", token=token).status, 200)
        r = self.admin_post("/comptes/agent/etat", {"actif": "0"})
        self.assertEqual(r.status, 303, r.text)
        self.assertEqual(self.server.request("GET", "/api/dossiers", token=token).status, 401)
        r = self.server.request("POST", "/api/session", {"nom": "agent", "mot_de_passe": PASSWORD})
        self.assertEqual(r.status, 401)
        page = self.server.request("GET", "/comptes", headers={"Cookie": self.admin_cookie})
        self.assertRegex(page.text, r"<th scope=\"row\">agent</th><td>agent</td><td>non</td>")
        self.assertIn("Réactiver", page.text)
        self.assertEqual(self.admin_post("/comptes/agent/etat", {"actif": "1"}).status, 303)
        self.assertEqual(self.server.request("POST", "/api/session", {"nom": "agent", "mot_de_passe": PASSWORD}).status, 200)
        self.assertIn(("admin", "compte_desactive", "agent"), self.audit())
        self.assertIn(("admin", "compte_reactive", "agent"), self.audit())

    def test_the_last_active_administrator_stays(self):
        r = self.admin_post("/comptes/admin/etat", {"actif": "0"})
        self.assertEqual(r.status, 400)
        self.assertIn("propre compte", r.text)
        # Another administrator cannot remove the last one either, by deactivation or role.
        self.assertEqual(self.admin_post("/comptes", {"nom": "admin2", "role": "admin", "mot_de_passe": PASSWORD}).status, 303)
        (cookie2, csrf2), _ = page_login(self.server, "admin2")
        self.assertEqual(self.post("/comptes/admin/etat", {"actif": "0"}, cookie2, csrf2).status, 303)
        r = self.admin_post("/comptes/admin2/etat", {"actif": "0"})  # admin's session was closed
        self.assertEqual(r.status, 303)
        self.assertTrue(r.headers["location"].endswith("/connexion"))
        r = self.post("/comptes/admin2/role", {"role": "agent"}, cookie2, csrf2)
        self.assertEqual(r.status, 400)
        self.assertIn("dernier administrateur actif", r.text)
        self.assertEqual(self.server.request("POST", "/api/session", {"nom": "admin2", "mot_de_passe": PASSWORD}).status, 200)
        self.assertIn(("admin", "compte_cree", "admin2"), self.audit())

    def test_a_name_with_an_accent_is_found_through_its_encoded_url(self):
        self.assertEqual(self.admin_post("/comptes", {"nom": "rené.d'arc", "role": "agent", "mot_de_passe": PASSWORD}).status, 303)
        page = self.server.request("GET", "/comptes", headers={"Cookie": self.admin_cookie})
        self.assertIn('action="/comptes/ren%C3%A9.d%27arc/etat"', page.text)
        self.assertEqual(self.admin_post("/comptes/ren%C3%A9.d%27arc/etat", {"actif": "0"}).status, 303)
        self.assertEqual(self.server.request("POST", "/api/session", {"nom": "rené.d'arc", "mot_de_passe": PASSWORD}).status, 401)
        self.assertIn(("admin", "compte_desactive", "rené.d'arc"), self.audit())

    def test_names_that_would_escape_their_forms_or_break_the_log_are_refused(self):
        # "x/y" could log in but its forms (/comptes/x%2Fy/etat) reached no route: it could not be
        # deactivated from the pages; ".." is resolved away by browsers; bytes that are not UTF-8
        # went into the audit log and made /api/audit unreadable as JSON.
        for name in ["x/y", "..", ".", "\udcff\udcfe"]:
            fields = urllib.parse.urlencode({"nom": name, "role": "admin", "mot_de_passe": PASSWORD},
                                            errors="surrogateescape")
            r = self.server.request("POST", "/comptes", fields + "&csrf=" + self.admin_csrf, content_type=FORM,
                                    headers={"Cookie": self.admin_cookie})
            self.assertEqual(r.status, 400, name)
            self.assertIn("Compte non créé", r.text)
        page = self.server.request("GET", "/comptes", headers={"Cookie": self.admin_cookie})
        self.assertNotIn("x/y", page.text)
        # A failed login under a name of invalid bytes is audited, and the log stays JSON.
        r = self.server.request("GET", "/connexion")
        login_cookie = r.headers["set-cookie"].split(";")[0]
        csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', r.text).group(1)
        self.server.request("POST", "/connexion", "csrf=" + csrf + "&nom=MARK%C0%AF%FE&mot_de_passe=x",
                            content_type=FORM, headers={"Cookie": login_cookie})
        token = self.server.login("admin")
        log = self.server.request("GET", "/api/audit", token=token)
        self.assertEqual(log.status, 200)
        entries = log.json()
        text = json.dumps(entries, ensure_ascii=False)
        self.assertIn("MARK\ufffd\ufffd\ufffd", text)

    def test_changes_need_the_csrf_token_and_the_admin_role(self):
        self.assertEqual(self.post("/comptes/agent/etat", {"actif": "0"}).status, 403)
        self.assertEqual(self.post("/comptes/agent/etat", {"actif": "0"}, csrf="f" * 64).status, 403)
        (cookie, csrf), _ = page_login(self.server, "juriste")
        for path, fields in [("/comptes/agent/etat", {"actif": "0"}), ("/comptes/agent/role", {"role": "admin"}),
                             ("/comptes/agent/mot-de-passe", {"mot_de_passe": "un-autre-mot-de-passe"}),
                             ("/comptes", {"nom": "x", "role": "admin", "mot_de_passe": PASSWORD})]:
            self.assertEqual(self.post(path, fields, cookie, csrf).status, 403, path)
        self.assertEqual(self.server.request("GET", "/comptes", headers={"Cookie": cookie}).status, 403)
        self.assertEqual(self.server.request("POST", "/api/session", {"nom": "agent", "mot_de_passe": PASSWORD}).status, 200)
        self.assertEqual(self.admin_post("/comptes/personne/etat", {"actif": "0"}).status, 404)
        self.assertEqual(self.admin_post("/comptes/agent/role", {"role": "roi"}).status, 400)

    def test_a_new_role_applies_at_the_next_login(self):
        token = self.server.login("budget")
        # No dossier of 2019 here: 404, but past the role check.
        self.assertEqual(self.server.request("GET", "/api/jaune/2019?format=json", token=token).status, 404)
        self.assertEqual(self.admin_post("/comptes/budget/role", {"role": "agent"}).status, 303)
        self.assertEqual(self.server.request("GET", "/api/jaune/2019?format=json", token=token).status, 401)
        token = self.server.login("budget")
        self.assertEqual(self.server.request("GET", "/api/jaune/2019?format=json", token=token).status, 403)
        self.assertIn(("admin", "compte_role", "budget"), self.audit())

    def test_an_administrator_replaces_a_forgotten_password(self):
        token = self.server.login("agent")
        r = self.admin_post("/comptes/agent/mot-de-passe", {"mot_de_passe": "court"})
        self.assertEqual(r.status, 400)
        self.assertIn("trop court", r.text)
        self.assertEqual(self.admin_post("/comptes/agent/mot-de-passe", {"mot_de_passe": "remplace-par-admin"}).status, 303)
        self.assertEqual(self.server.request("GET", "/api/dossiers", token=token).status, 401)
        self.assertEqual(self.server.request("POST", "/api/session", {"nom": "agent", "mot_de_passe": PASSWORD}).status, 401)
        self.assertEqual(self.server.request("POST", "/api/session", {"nom": "agent", "mot_de_passe": "remplace-par-admin"}).status, 200)
        self.assertIn(("admin", "mot_de_passe_change", "agent"), self.audit())

    def test_anyone_changes_their_own_password_with_the_current_one(self):
        (cookie, csrf), _ = page_login(self.server, "juriste")
        other_token = self.server.login("juriste")
        page = self.server.request("GET", "/mot-de-passe", headers={"Cookie": cookie})
        self.assertEqual(page.status, 200)
        for field in ("actuel", "nouveau", "confirmation"):
            self.assertRegex(page.text, r'<label for="%s">' % field)
        r = self.post("/mot-de-passe", {"actuel": "pas-le-bon-mot", "nouveau": "tout-nouveau-mot", "confirmation": "tout-nouveau-mot"}, cookie, csrf)
        self.assertEqual(r.status, 400)
        self.assertIn('aria-describedby="erreur-actuel"', r.text)
        r = self.post("/mot-de-passe", {"actuel": PASSWORD, "nouveau": "tout-nouveau-mot", "confirmation": "autre-chose-ici"}, cookie, csrf)
        self.assertEqual(r.status, 400)
        self.assertIn('id="erreur-confirmation"', r.text)
        self.assertEqual(self.post("/mot-de-passe", {"actuel": PASSWORD, "nouveau": "tout-nouveau-mot",
                                                     "confirmation": "tout-nouveau-mot"}).status, 403)  # admin's cookie, no csrf
        r = self.post("/mot-de-passe", {"actuel": PASSWORD, "nouveau": "tout-nouveau-mot", "confirmation": "tout-nouveau-mot"}, cookie, csrf)
        self.assertEqual(r.status, 200, r.text)
        # This browser goes on with a new session; the other session is closed.
        new_cookie = r.headers["set-cookie"].split(";")[0]
        self.assertNotEqual(new_cookie, cookie)
        self.assertEqual(self.server.request("GET", "/regles", headers={"Cookie": new_cookie}).status, 200)
        self.assertEqual(self.server.request("GET", "/regles", headers={"Cookie": cookie}).status, 303)
        self.assertEqual(self.server.request("GET", "/api/regles", token=other_token).status, 401)
        self.assertIsNone(page_login(self.server, "juriste")[0])
        self.assertIsNotNone(page_login(self.server, "juriste", "tout-nouveau-mot")[0])
        self.assertIn(("juriste", "mot_de_passe_change", "juriste"), self.audit())

    def test_wrong_current_passwords_are_throttled(self):
        (cookie, csrf), _ = page_login(self.server, "agent")
        statuses = [self.post("/mot-de-passe", {"actuel": "faux-%d-mot-de-passe" % i, "nouveau": "tout-nouveau-mot",
                                                "confirmation": "tout-nouveau-mot"}, cookie, csrf).status for i in range(7)]
        self.assertEqual(statuses[:5], [400] * 5)
        self.assertEqual(statuses[-1], 429)


if __name__ == "__main__":
    unittest.main()
