"""A reviewer scores a 五社联动 funding proposal on a phone: the registry clerk has opened a funding
round, an organisation has proposed its project, and the clerk has put the street officer on the
reviewer pool and assigned them; the officer signs in on a 390 px screen, finds the project under
公益创投 → 待我评审的项目, gives it 88 points and sees the score saved on the project's page.
Run with Tests/Browser/run.sh."""

import datetime
import os
import random

from selenium.webdriver.common.by import By

from conftest import click_and_wait_for_new_page, sign_in, wait_for_path
from test_application import api, resident_id
from test_organisation_report import credit_code


def test_reviewer_scores_a_funding_proposal_on_a_phone(browser, site):
    clerk = api(site, "POST", "/api/v1/sessions",
                {"username": os.environ["MINZHENG_TEST_REGISTRY_USER"],
                 "password": os.environ["MINZHENG_TEST_REGISTRY_PASSWORD"]})["token"]
    body = "MJ" + "".join(random.choice("0123456789") for _ in range(6))
    organisation = api(site, "POST", "/api/v1/organisations", {
        "creditCode": credit_code("320402", body), "kind": "socialGroup",
        "name": "常州市天宁区浏览器创投测试%s协会" % body[-4:],
        "region": site.street, "domicile": "天宁区测试路10号", "businessScope": "为老志愿服务",
        "registeredCapitalFen": 3000000, "registeredOn": "2018-05-01",
        "legalRepresentativeName": "王芳", "legalRepresentativeIdNumber": resident_id("32040219780302%03d" % random.randint(100, 999)),
    }, clerk)
    username = "bt-fund-" + body.lower()
    first, password = "Bt-fund-first-%d" % random.randint(0, 10**9), "Bt-fund-%d" % random.randint(0, 10**9)
    api(site, "POST", f"/api/v1/organisations/{organisation['id']}/account", {"username": username, "password": first}, clerk)
    token = api(site, "POST", "/api/v1/sessions", {"username": username, "password": first})["token"]
    api(site, "POST", "/api/v1/account/password", {"currentPassword": first, "newPassword": password}, token)
    token = api(site, "POST", "/api/v1/sessions", {"username": username, "password": password})["token"]

    closes = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    round_ = api(site, "POST", "/api/v1/funding-rounds", {
        "name": "浏览器测试公益创投 " + body, "budgetFen": 50000000, "capFen": 10000000,
        "topics": ["为老服务"], "closesOn": closes}, clerk)
    title = "银龄互助" + body[-4:]
    proposal = api(site, "POST", f"/api/v1/funding-rounds/{round_['id']}/proposals", {
        "topic": "为老服务", "title": title, "summary": "独居老人每日问安", "requestedFen": 8000000}, token)
    reviewers = [r for r in api(site, "GET", "/api/v1/rating-reviewers", None, clerk) if r["name"] == site.display_name]
    reviewer = reviewers[0] if reviewers else api(site, "POST", "/api/v1/rating-reviewers",
                                                  {"username": site.username, "affiliation": "天宁区民政局"}, clerk)
    api(site, "POST", f"/api/v1/funding-proposals/{proposal['id']}/reviewers", {"reviewerId": reviewer["id"]}, clerk)

    size = browser.get_window_size()
    browser.set_window_size(390, 844)
    try:
        sign_in(browser, site)
        browser.get(site.url("/funding-rounds"))
        wait_for_path(browser, "/funding-rounds")
        assignments = browser.find_element(By.ID, "assignments")
        assert "待评分" in assignments.text
        link = assignments.find_element(By.LINK_TEXT, title)
        click_and_wait_for_new_page(browser, link, "the proposal did not open")
        wait_for_path(browser, f"/funding-proposals/{proposal['id']}")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
        box = browser.find_element(By.ID, "s-score")
        box.clear()
        box.send_keys("88")
        click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "#score-form button[type='submit']"),
                                    "saving the score did not load a page")
        wait_for_path(browser, f"/funding-proposals/{proposal['id']}")
        assert "评分已保存" in browser.find_element(By.ID, "done").text
        assert "88" in browser.find_element(By.ID, "reviews").text
        assert browser.find_element(By.ID, "s-score").get_attribute("value") == "88"
        rows = site.query("SELECT s.score FROM funding_scores s JOIN funding_proposals p ON p.id = s.proposal_id "
                          "WHERE p.title = ?", title)
        assert rows == [(88,)]
    finally:
        browser.set_window_size(size["width"], size["height"])
