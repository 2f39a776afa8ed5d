"""The pages in headless Chromium (selenium + chromium-driver), against a real server: log in,
create a dossier through the form, read its verdict and rule, download the jaune XLSX, and
see a dossier's "<script>" as text."""
import json
import os
import shutil
import tempfile
import time
import unittest

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

from harness import Server, case, PASSWORD

RULE_TITLE = "Subvention à un organisme privé ciblée sur l'action humanitaire ou de coopération"


class Browser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.downloads = tempfile.mkdtemp(prefix="subsidia-telechargements-")
        options = webdriver.ChromeOptions()
        for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]:
            options.add_argument(arg)
        options.add_experimental_option("prefs", {"download.default_directory": cls.downloads,
                                                  "download.prompt_for_download": False})
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        cls.driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                                      options=options)
        cls.driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": cls.downloads})
        cls.base = "http://127.0.0.1:%d" % cls.server.port

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.close()
        shutil.rmtree(cls.downloads, ignore_errors=True)

    def submit_and_wait(self, button):
        # A click returns once the event is dispatched, not once the next page has loaded: on a
        # fast machine current_url is still the form's. Mark the form's document, then wait for
        # a complete document without the mark (a staleness check on the button raced with the
        # navigation itself: chromedriver then answered "Node ... does not belong to the document").
        d = self.driver
        d.execute_script("window.subsidiaFormulaire = true")
        button.click()

        def next_page_loaded(driver):
            try:
                return driver.execute_script(
                    "return window.subsidiaFormulaire === undefined && document.readyState === 'complete'")
            except WebDriverException:
                return False  # between two documents

        WebDriverWait(d, 20).until(next_page_loaded)

    def login(self, name):
        d = self.driver
        d.delete_all_cookies()
        d.get(self.base + "/connexion")
        d.find_element(By.ID, "nom").send_keys(name)
        d.find_element(By.ID, "mot_de_passe").send_keys(PASSWORD)
        self.submit_and_wait(d.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
        self.assertIn("/dossiers", d.current_url)

    def create_through_form(self, dossier):
        d = self.driver
        d.get(self.base + "/dossiers/nouveau")
        main = {"id": dossier.pop("id"), "exercice": str(dossier.pop("exercice")), "objet": dossier.pop("objet"),
                "montant": dossier.pop("montant")}
        for field, value in main.items():
            d.find_element(By.ID, field).send_keys(value)
        collectivite = dossier.pop("collectivite")
        d.find_element(By.ID, "collectivite.nom").send_keys(collectivite["nom"])
        Select(d.find_element(By.ID, "collectivite.categorie")).select_by_value(collectivite["categorie"])
        Select(d.find_element(By.ID, "type_intervention")).select_by_value(dossier.pop("type_intervention"))
        d.find_element(By.ID, "complement").send_keys(json.dumps(dossier))
        self.submit_and_wait(d.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))

    def test_1_agent_creates_a_dossier_through_the_form_and_reads_its_verdict(self):
        self.login("agent")
        d = self.driver
        # A mistake first: the error shows beside its field.
        self.create_through_form(dict(json.loads(case("ciblage-2019-non-affectee.json")), montant="douze euros", id="NAV-1"))
        error = d.find_element(By.ID, "erreur-montant").text
        self.assertTrue(error)
        self.assertEqual(d.find_element(By.ID, "montant").get_attribute("aria-invalid"), "true")
        self.create_through_form(dict(json.loads(case("ciblage-2019-non-affectee.json")), id="NAV-1"))
        self.assertIn("/dossiers/NAV-1", d.current_url)
        body = d.find_element(By.TAG_NAME, "main").text
        self.assertIn("NON CONFORME", body)
        self.assertIn(RULE_TITLE, body)

    def test_2_a_script_in_the_object_is_shown_as_text(self):
        self.login("agent")
        dossier = json.loads(case("ciblage-2019-non-affectee.json"))
        dossier["id"] = "NAV-XSS"
        dossier["objet"] = "<script>document.title='pirate'</script> aide"
        self.create_through_form(dossier)
        d = self.driver
        self.assertIn("/dossiers/NAV-XSS", d.current_url)
        self.assertNotEqual(d.title, "pirate")
        self.assertIn("<script>document.title='pirate'</script> aide", d.find_element(By.TAG_NAME, "main").text)
        d.get(self.base + "/dossiers")
        self.assertNotEqual(d.title, "pirate")
        self.assertIn("<script>", d.find_element(By.TAG_NAME, "table").text)

    def test_3_budget_downloads_the_jaune_xlsx(self):
        self.login("budget")
        d = self.driver
        d.get(self.base + "/jaune?exercice=2019")
        # The two dossiers of the tests above, 15 000 € each.
        self.assertRegex(d.find_element(By.TAG_NAME, "main").text, r"Total : 30\s000,00\s€")
        d.find_element(By.LINK_TEXT, "XLSX").click()
        target = os.path.join(self.downloads, "jaune-2019.xlsx")

        def downloaded():
            # Chromium may create the file before writing it, or write a .crdownload first.
            names = os.listdir(self.downloads)
            return (os.path.exists(target) and os.path.getsize(target) > 0
                    and not any(n.endswith(".crdownload") for n in names))

        deadline = time.time() + 20
        while not downloaded() and time.time() < deadline:
            time.sleep(0.1)
        self.assertTrue(downloaded(), os.listdir(self.downloads))
        with open(target, "rb") as f:
            self.assertEqual(f.read(2), b"PK")


if __name__ == "__main__":
    unittest.main()
