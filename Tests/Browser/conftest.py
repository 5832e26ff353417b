"""Fixtures for the browser tests. Run them through Tests/Browser/run.sh, which starts a
fresh server and sets the MINZHENG_* variables read here."""

import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

WAIT_SECONDS = 15


def _env(name):
    value = os.environ.get(name)
    if not value:
        pytest.exit(f"{name} is not set: run the browser tests with Tests/Browser/run.sh", returncode=2)
    return value


@dataclass(frozen=True)
class Site:
    base_url: str
    db_path: str
    street: str
    username: str
    display_name: str
    password: str
    department_user: str
    department_password: str

    def url(self, path):
        return self.base_url + path

    def query(self, sql, *args):
        """Reads the server's SQLite database (WAL: reading while it serves is fine)."""
        con = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True)
        try:
            return con.execute(sql, args).fetchall()
        finally:
            con.close()


@pytest.fixture(scope="session")
def site():
    return Site(
        base_url=_env("MINZHENG_BASE_URL").rstrip("/"),
        db_path=_env("MINZHENG_TEST_DB"),
        street=_env("MINZHENG_TEST_STREET"),
        username=_env("MINZHENG_TEST_USER"),
        display_name=_env("MINZHENG_TEST_NAME"),
        password=_env("MINZHENG_TEST_PASSWORD"),
        department_user=_env("MINZHENG_TEST_DEPT_USER"),
        department_password=_env("MINZHENG_TEST_DEPT_PASSWORD"),
    )


@pytest.fixture(scope="session")
def _browser():
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    chromedriver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=zh-CN", "--no-first-run", "--disable-extensions"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    driver.set_page_load_timeout(30)
    driver.implicitly_wait(0)   # explicit waits only
    yield driver
    driver.quit()


@pytest.fixture
def browser(_browser, site):
    """One Chromium for the whole run; every test starts signed out (no cookies)."""
    # Cookies can only be cleared on the site's origin: a page of the app, where the layout's
    # empty icon link keeps Chromium from asking for /favicon.ico (a 404 in every server log).
    _browser.get(site.url("/login"))
    _browser.delete_all_cookies()
    yield _browser
    _browser.delete_all_cookies()


def wait(driver, seconds=WAIT_SECONDS):
    return WebDriverWait(driver, seconds)


def click_and_wait_for_new_page(driver, element, message):
    """Clicks `element` and waits until the browser shows a new, fully loaded document.

    The old document is marked with a script property before the click; the wait ends when
    a document without the mark has finished loading. Chromium 156 answers a staleness
    check made while it replaces the document with an "unhandled inspector error" instead
    of a stale-element error, so `EC.staleness_of` fails at random; so may a script run in
    that moment, which is why WebDriver errors count as "not yet" here.
    """
    driver.execute_script("window.__minzhengOldPage = true;")
    element.click()

    def new_page_loaded(d):
        try:
            return d.execute_script(
                "return window.__minzhengOldPage === undefined && document.readyState === 'complete';")
        except WebDriverException:
            return False

    wait(driver).until(new_page_loaded, message=message)


def path_of(driver):
    return urlsplit(driver.current_url).path


def wait_for_path(driver, path):
    """Waits until the browser is at `path` (query ignored) and the new page has loaded."""
    def arrived(d):
        try:
            return path_of(d) == path and d.execute_script("return document.readyState") == "complete"
        except WebDriverException:  # asked while Chromium replaces the document: not yet
            return False

    try:
        wait(driver).until(arrived)
    except TimeoutException:
        # The URL is read only now: reading it while the page changes can fail like the above.
        raise TimeoutException(f"expected to be at {path}, still at {driver.current_url}") from None


def heading(driver):
    return wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "main h1"))).text.strip()


def open_login(driver, site, path="/login"):
    driver.get(site.url(path))
    wait_for_path(driver, "/login")
    return wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "form[action='/login']")))


def submit_login(driver, username, password):
    """Fills the sign-in form on the current page and submits it with the button."""
    form = driver.find_element(By.CSS_SELECTOR, "form[action='/login']")
    user_field = form.find_element(By.ID, "f-username")
    user_field.clear()
    user_field.send_keys(username)
    form.find_element(By.ID, "f-password").send_keys(password)
    click_and_wait_for_new_page(driver, form.find_element(By.CSS_SELECTOR, "button[type='submit']"),
                                "the sign-in form was not submitted, or its answer did not load")


def sign_in(driver, site, path="/login"):
    open_login(driver, site, path)
    submit_login(driver, site.username, site.password)
    wait(driver).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "header .user-name"), site.display_name),
                       message="not signed in: the header shows no user name")


def result_total(driver):
    text = driver.find_element(By.CSS_SELECTOR, "main .result-count").text
    m = re.match(r"共\s*(\d+)\s*户", text.strip())
    assert m, f"unexpected result count text {text!r}"
    return int(m.group(1))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failure, keeps a screenshot and the page's HTML for a look afterwards."""
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed:
        return
    driver = item.funcargs.get("browser")
    folder = os.environ.get("MINZHENG_BROWSER_ARTIFACTS")
    if driver is None or not folder:
        return
    try:
        os.makedirs(folder, exist_ok=True)
        base = os.path.join(folder, re.sub(r"[^A-Za-z0-9_.-]+", "_", item.name))
        driver.save_screenshot(base + ".png")
        with open(base + ".html", "w", encoding="utf-8") as f:
            f.write(f"<!-- {driver.current_url} -->\n" + driver.page_source)
        report.sections.append(("browser", f"at {driver.current_url}; screenshot and HTML: {base}.png / .html"))
    except Exception as e:  # never hide the real failure
        report.sections.append(("browser", f"could not save the page: {e!r}"))
