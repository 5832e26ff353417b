"""An organisation's secretary files the annual report on a phone: the registry clerk has
registered the organisation and opened its account; the secretary signs in on a 390 px screen,
lands on 本组织年度报告, files last year's report and sees it waiting for the inspection.
Run with Tests/Browser/run.sh."""

import datetime
import os
import random

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait_for_new_page, open_login, submit_login, wait_for_path
from test_application import api, resident_id

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(region, body):
    """A social group's GB 32100 code (authority 5, type 1): both check characters computed."""
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body, [3, 7, 9, 10, 5, 8, 4, 2]))
    c = 11 - total % 11
    first17 = "51" + region + body + ("X" if c == 10 else "0" if c == 11 else str(c))
    return first17 + ALPHABET[(31 - sum(ALPHABET.index(ch) * w for ch, w in zip(first17, WEIGHTS)) % 31) % 31]


def test_organisation_files_its_annual_report_on_a_phone(browser, site):
    clerk_user = os.environ["MINZHENG_TEST_REGISTRY_USER"]
    clerk = api(site, "POST", "/api/v1/sessions",
                {"username": clerk_user, "password": os.environ["MINZHENG_TEST_REGISTRY_PASSWORD"]})["token"]
    body = "MJ" + "".join(random.choice("0123456789") for _ in range(6))
    organisation = api(site, "POST", "/api/v1/organisations", {
        "creditCode": credit_code("320402", body), "kind": "socialGroup", "name": "常州市天宁区浏览器测试志愿者协会",
        "region": site.street, "domicile": "天宁区测试路8号", "businessScope": "组织志愿服务",
        "registeredCapitalFen": 3000000, "registeredOn": "2019-05-01",
        "legalRepresentativeName": "周敏", "legalRepresentativeIdNumber": resident_id("32040219750302%03d" % random.randint(100, 999)),
    }, clerk)
    username = "bt-org-" + body.lower()
    first, password = "Bt-org-first-%d" % random.randint(0, 10**9), "Bt-org-%d" % random.randint(0, 10**9)
    api(site, "POST", f"/api/v1/organisations/{organisation['id']}/account", {"username": username, "password": first}, clerk)
    token = api(site, "POST", "/api/v1/sessions", {"username": username, "password": first})["token"]
    api(site, "POST", "/api/v1/account/password", {"currentPassword": first, "newPassword": password}, token)

    size = browser.get_window_size()
    browser.set_window_size(390, 844)
    try:
        open_login(browser, site)
        submit_login(browser, username, password)
        wait_for_path(browser, "/my-organisation")
        main = browser.find_element(By.CSS_SELECTOR, "main")
        assert "常州市天宁区浏览器测试志愿者协会" in main.text and "报送年度工作报告" in main.text
        # Nothing wider than the phone.
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
        year = str(datetime.date.today().year - 1)
        assert Select(browser.find_element(By.ID, "f-year")).first_selected_option.get_attribute("value") == year
        browser.find_element(By.ID, "f-activities").send_keys("8")
        browser.find_element(By.ID, "f-income").send_keys("56000")
        browser.find_element(By.ID, "f-expenditure").send_keys("48000.50")
        browser.find_element(By.ID, "f-net").send_keys("7999.50")
        browser.find_element(By.ID, "f-summary").send_keys("全年组织志愿服务 8 次，服务居民 600 人次")
        click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "form.form button[type='submit']"),
                                    "filing the report did not load a page")
        wait_for_path(browser, "/my-organisation")
        main = browser.find_element(By.CSS_SELECTOR, "main").text
        assert "年度工作报告已报送" in main and f"{year} 年度" in main and "待年检" in main
        rows = site.query("SELECT income_fen, expenditure_fen, outcome FROM organisation_reports r "
                          "JOIN organisations o ON o.id = r.organisation_id WHERE o.credit_code = ? AND r.year = ?",
                          credit_code("320402", body), int(year))
        assert rows == [(5600000, 4800050, None)]
    finally:
        browser.set_window_size(size["width"], size["height"])
