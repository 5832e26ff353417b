"""A reviewer scores a rating application on a phone: the registry clerk has registered an
organisation, applied for its rating (等级评估), put the street officer on the reviewer pool and
assigned them; the officer signs in on a 390 px screen, finds the application under 等级评估,
fills the four sections of the 1 000-point sheet and sees the sheet saved with its total.
Run with Tests/Browser/run.sh."""

import os
import random

from selenium.webdriver.common.by import By

from conftest import click_and_wait_for_new_page, sign_in, wait_for_path
from test_application import api, resident_id
from test_organisation_report import credit_code


def test_reviewer_scores_an_application_on_a_phone(browser, site):
    clerk = api(site, "POST", "/api/v1/sessions",
                {"username": os.environ["MINZHENG_TEST_REGISTRY_USER"],
                 "password": os.environ["MINZHENG_TEST_REGISTRY_PASSWORD"]})["token"]
    body = "MJ" + "".join(random.choice("0123456789") for _ in range(6))
    name = "常州市天宁区浏览器评估测试%s协会" % body[-4:]
    organisation = api(site, "POST", "/api/v1/organisations", {
        "creditCode": credit_code("320402", body), "kind": "socialGroup", "name": name,
        "region": site.street, "domicile": "天宁区测试路9号", "businessScope": "社区志愿服务",
        "registeredCapitalFen": 3000000, "registeredOn": "2018-05-01",
        "legalRepresentativeName": "陈静", "legalRepresentativeIdNumber": resident_id("32040219760302%03d" % random.randint(100, 999)),
    }, clerk)
    application = api(site, "POST", "/api/v1/ratings", {"organisationId": organisation["id"]}, clerk)
    reviewers = [r for r in api(site, "GET", "/api/v1/rating-reviewers", None, clerk) if r["name"] == site.display_name]
    reviewer = reviewers[0] if reviewers else api(site, "POST", "/api/v1/rating-reviewers",
                                                  {"username": site.username, "affiliation": "天宁区民政局"}, clerk)
    api(site, "POST", f"/api/v1/ratings/{application['id']}/reviewers", {"reviewerId": reviewer["id"]}, clerk)

    size = browser.get_window_size()
    browser.set_window_size(390, 844)
    try:
        sign_in(browser, site)
        browser.get(site.url("/ratings"))
        wait_for_path(browser, "/ratings")
        link = browser.find_element(By.LINK_TEXT, name)
        click_and_wait_for_new_page(browser, link, "the application did not open")
        wait_for_path(browser, f"/ratings/{application['id']}")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
        for field, value in [("basic", "58"), ("governance", "320"), ("performance", "400"), ("social", "165")]:
            box = browser.find_element(By.ID, f"s-{field}")
            box.clear()
            box.send_keys(value)
        click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "#score-form button[type='submit']"),
                                    "saving the sheet did not load a page")
        wait_for_path(browser, f"/ratings/{application['id']}")
        main = browser.find_element(By.CSS_SELECTOR, "main").text
        assert "评分已保存" in main and "943" in main
        assert browser.find_element(By.ID, "s-governance").get_attribute("value") == "320"
        rows = site.query("SELECT s.basic, s.governance, s.performance, s.social, s.total FROM rating_assignments s "
                          "JOIN rating_applications a ON a.id = s.application_id "
                          "JOIN organisations o ON o.id = a.organisation_id WHERE o.credit_code = ?",
                          credit_code("320402", body))
        assert rows == [(58, 320, 400, 165, 943)]
    finally:
        browser.set_window_size(size["width"], size["height"])
