"""Sign-in, region scoping of the household list, sign-out, and a wrong password, in a
real browser (headless Chromium). Run with Tests/Browser/run.sh."""

from urllib.parse import parse_qs, urlsplit

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import click_and_wait_for_new_page, heading, open_login, path_of, result_total, sign_in, submit_login, wait, wait_for_path

WRONG_PASSWORD_MESSAGE = "用户名或密码错误"


def household_rows(driver):
    """(id, region text, address) of every row of the household list, following the pager."""
    rows = []
    pages = 0
    while True:
        pages += 1
        assert pages <= 50, "the household list pager does not end"
        table_rows = driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")
        for tr in table_rows:
            region = tr.find_element(By.CSS_SELECTOR, "td[data-label='所属区划']").text.strip()
            link = tr.find_element(By.CSS_SELECTOR, "td[data-label='地址'] a")
            household_id = urlsplit(link.get_attribute("href")).path.rsplit("/", 1)[-1]
            rows.append((household_id.upper(), region, link.text.strip()))
        nexts = driver.find_elements(By.CSS_SELECTOR, "nav.pager a[rel='next']")
        if not nexts:
            return rows
        click_and_wait_for_new_page(driver, nexts[0], "the next page of the household list did not load")
        wait_for_path(driver, "/households")


def test_street_officer_sees_only_households_of_own_street(browser, site):
    # The demo data must have households in the officer's street and elsewhere, or this
    # test could not fail.
    own = {r[0].upper(): r[1] for r in site.query(
        "SELECT id, region FROM households WHERE substr(region, 1, ?) = ?", len(site.street), site.street)}
    others = site.query(
        "SELECT id, region, address FROM households WHERE substr(region, 1, ?) <> ? "
        "ORDER BY (substr(region, 1, 6) = ?) DESC, region LIMIT 5",   # the same district's other streets first
        len(site.street), site.street, site.street[:6])
    assert own, f"the demo data has no household in street {site.street}"
    assert others, "the demo data has no household outside the officer's street"

    # Sign in through the form; it lands on the workbench.
    sign_in(browser, site)
    wait_for_path(browser, "/")
    assert heading(browser) == "工作台"
    role_text = browser.find_element(By.CSS_SELECTOR, "header .user-role").text.strip()
    assert role_text.startswith("街道经办人"), role_text
    street_name = role_text.split("·", 1)[1].strip() if "·" in role_text else ""
    assert street_name.endswith("街道"), f"the header names no street for the officer: {role_text!r}"

    # Open the household list from the main navigation.
    browser.find_element(By.CSS_SELECTOR, "header nav a[href='/households']").click()
    wait_for_path(browser, "/households")
    assert heading(browser) == "家庭档案"
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "main .result-count")))

    assert result_total(browser) == len(own), "the list's total is not the number of households in the officer's street"
    rows = household_rows(browser)
    listed = {household_id for household_id, _, _ in rows}
    assert len(rows) == len(own)
    # Every household shown is in the officer's street ...
    for household_id, region, address in rows:
        assert household_id in own, f"listed household {household_id} ({region}, {address}) is not in street {site.street}"
        assert region.startswith(street_name + " ") or region == street_name, \
            f"household {address} shows region {region!r}, outside {street_name!r}"
    # ... and all of them are.
    assert listed == set(own)

    # Households of other streets exist but are neither listed nor reachable by their URL.
    for other_id, other_region, other_address in others:
        assert other_id.upper() not in listed, f"household of {other_region} is listed"
        assert other_address not in browser.find_element(By.TAG_NAME, "main").text
    other_id, other_region, other_address = others[0]
    browser.get(site.url(f"/households/{other_id}"))
    assert heading(browser) == "出错了"
    assert browser.find_element(By.CSS_SELECTOR, "main .error .status").text.strip() == "404"
    assert other_address not in browser.page_source


def test_sign_out_returns_to_login_and_closes_the_pages(browser, site):
    sign_in(browser, site)
    wait_for_path(browser, "/")

    browser.find_element(By.CSS_SELECTOR, "header form[action='/logout'] button[type='submit']").click()
    wait_for_path(browser, "/login")
    assert heading(browser) == "登录"
    assert browser.find_elements(By.CSS_SELECTOR, "main form[action='/login']")
    assert not browser.find_elements(By.CSS_SELECTOR, "header .user-name"), "the header still shows a signed-in user"

    # The household list now sends the browser to the sign-in page, and back after sign-in.
    browser.get(site.url("/households"))
    wait_for_path(browser, "/login")
    assert parse_qs(urlsplit(browser.current_url).query).get("next") == ["/households"], browser.current_url
    assert heading(browser) == "登录"
    submit_login(browser, site.username, site.password)
    wait_for_path(browser, "/households")
    assert heading(browser) == "家庭档案"


def test_wrong_password_shows_the_error_on_the_login_page(browser, site):
    open_login(browser, site)
    submit_login(browser, site.username, site.password + "-wrong")

    error = wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "main #form-error[role='alert']")))
    assert error.text.strip() == WRONG_PASSWORD_MESSAGE
    assert path_of(browser) == "/login"
    assert heading(browser) == "登录"
    assert browser.find_element(By.ID, "f-username").get_attribute("value") == site.username
    assert browser.find_element(By.ID, "f-password").get_attribute("value") == ""
    assert not browser.find_elements(By.CSS_SELECTOR, "header .user-name")

    # An unknown user gets the same message (no hint which part was wrong).
    submit_login(browser, "no-such-user", "whatever-password-1")
    error = wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "main #form-error[role='alert']")))
    assert error.text.strip() == WRONG_PASSWORD_MESSAGE

    # Still signed out.
    browser.get(site.url("/households"))
    wait_for_path(browser, "/login")
