"""寻亲 (family search) in a real browser.

(a) A family registers a missing father on the family-search pages and sees the station's notice
    of the same man (written by ear, 章 for 张) as a possible match at once; after a caseworker
    confirms it with the police's DNA result (through the API), the family's page shows it confirmed.
(b) The public notices on a 390 px phone, signed out: no horizontal scroll, and the search by
    sex, age and where found finds the notice and leaves out another.
Run with Tests/Browser/run.sh."""

import datetime
import os
import random

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait_for_new_page, heading, wait_for_path
from test_application import api, register_and_sign_in, registered_household


def staff_token(site):
    return api(site, "POST", "/api/v1/sessions", {"username": os.environ["MINZHENG_TEST_REGISTRY_USER"],
                                                  "password": os.environ["MINZHENG_TEST_REGISTRY_PASSWORD"]})["token"]


def days_ago(n):
    return (datetime.date.today() - datetime.timedelta(days=n)).isoformat()


def no_horizontal_scroll(browser):
    return browser.execute_script("return document.documentElement.scrollWidth") <= 390


def test_family_registers_and_sees_a_match(browser, site):
    staff = staff_token(site)
    mark = "".join(random.choice("0123456789") for _ in range(4))
    notice = api(site, "POST", "/api/v1/family-search/notices", {
        "name": "章秋生", "sex": "male", "estimatedAge": 76, "heightCm": 166, "dialect": "常州口音",
        "foundOn": days_ago(20), "place": "320411", "placeText": "新北区公交站台",
        "features": "左脸有黑痣，走路跛，编号%s" % mark, "clothing": "蓝色棉袄"}, staff)

    head, phone = registered_household(site)
    register_and_sign_in(browser, site, head, phone)
    browser.find_element(By.LINK_TEXT, "寻亲登记").click()
    wait_for_path(browser, "/family-search/reports")
    assert heading(browser) == "寻亲登记"
    for field, value in (("f-name", "张秋生"), ("f-nicknames", "阿生"), ("f-height", "168"), ("f-dialect", "常州话"),
                         ("f-place-text", "南大街"), ("f-features", "左脸有痣，右腿跛"), ("f-contact", "张小明"),
                         ("f-phone", "139%08d" % random.randint(0, 99999999))):
        browser.find_element(By.ID, field).send_keys(value)
    Select(browser.find_element(By.ID, "f-sex")).select_by_value("male")
    Select(browser.find_element(By.ID, "f-place")).select_by_value("320402")
    # Date fields through their value: typing into them depends on the browser's locale.
    browser.execute_script("document.getElementById('f-birth').value = arguments[0];"
                           "document.getElementById('f-lost').value = arguments[1];",
                           "%d-05-02" % (datetime.date.today().year - 78), days_ago(40))
    click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "#report-form button[type='submit']"),
                                "registering the report did not load a page")
    assert browser.current_url.split("?")[0].rsplit("/", 1)[-1].count("-") == 4, browser.current_url
    report_id = browser.current_url.split("?")[0].rsplit("/", 1)[-1]
    assert "寻亲登记已提交" in browser.find_element(By.ID, "done").text
    matches = browser.find_element(By.ID, "matches")
    link = matches.find_element(By.CSS_SELECTOR, f"a[href='/family-search/notices/{notice['id']}']")
    assert "待民政部门核实" in matches.text
    assert "139****" in browser.find_element(By.ID, "report").text

    # The caseworker confirms it with the police's DNA result; the family's page says so.
    queue = api(site, "GET", "/api/v1/family-search/queue", None, staff)
    match = next(m for m in queue if m["reportId"] == report_id and m["noticeId"] == notice["id"])
    api(site, "POST", f"/api/v1/family-search/matches/{match['id']}",
        {"action": "confirm", "version": match["version"], "evidence": "公安 DNA 比对：亲缘关系成立"}, staff)
    browser.refresh()
    wait_for_path(browser, f"/family-search/reports/{report_id}")
    matches = browser.find_element(By.ID, "matches")
    assert "已确认为同一人" in matches.text and "公安 DNA 比对" in matches.text

    # The notice itself, from the match: the person is identified, so it is taken down and the public
    # page no longer shows who was found (FAMILY-SEARCH.md: taken down when identified).
    link = browser.find_element(By.CSS_SELECTOR, f"#matches a[href='/family-search/notices/{notice['id']}']")
    click_and_wait_for_new_page(browser, link, "the notice did not open")
    assert "已撤下" in browser.find_element(By.ID, "taken-down").text
    assert ("编号%s" % mark) not in browser.page_source


def test_public_notices_on_a_phone(browser, site):
    staff = staff_token(site)
    mark = "".join(random.choice("0123456789") for _ in range(6))
    wanted = api(site, "POST", "/api/v1/family-search/notices", {
        "sex": "female", "estimatedAge": 33, "heightCm": 158, "foundOn": days_ago(3), "place": "320412",
        "placeText": "武进区湖塘镇菜场", "features": "右手腕有红色胎记，标记%s" % mark, "clothing": "灰色羽绒服"}, staff)
    other = api(site, "POST", "/api/v1/family-search/notices", {
        "sex": "male", "estimatedAge": 33, "heightCm": 170, "foundOn": days_ago(3), "place": "320412",
        "placeText": "武进区湖塘镇", "features": "光头", "clothing": "黑色夹克"}, staff)

    size = browser.get_window_size()
    browser.set_window_size(390, 844)
    try:
        browser.get(site.url("/family-search/notices"))
        wait_for_path(browser, "/family-search/notices")
        assert heading(browser) == "寻亲公告"
        assert no_horizontal_scroll(browser)
        Select(browser.find_element(By.ID, "f-sex")).select_by_value("female")
        browser.find_element(By.ID, "f-age-from").send_keys("30")
        browser.find_element(By.ID, "f-age-to").send_keys("36")
        Select(browser.find_element(By.ID, "f-region")).select_by_value("320412")
        click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "#notice-search button[type='submit']"),
                                    "the search did not load a page")
        wait_for_path(browser, "/family-search/notices")
        assert "sex=female" in browser.current_url and "region=320412" in browser.current_url
        results = browser.find_element(By.ID, "notices")
        assert results.find_elements(By.CSS_SELECTOR, f"a[href='/family-search/notices/{wanted['id']}']")
        assert not results.find_elements(By.CSS_SELECTOR, f"a[href='/family-search/notices/{other['id']}']")
        assert Select(browser.find_element(By.ID, "f-sex")).first_selected_option.get_attribute("value") == "female"
        assert no_horizontal_scroll(browser)

        click_and_wait_for_new_page(
            browser, results.find_element(By.CSS_SELECTOR, f"a[href='/family-search/notices/{wanted['id']}']"),
            "the notice did not open")
        wait_for_path(browser, f"/family-search/notices/{wanted['id']}")
        text = browser.find_element(By.ID, "notice").text
        assert ("标记%s" % mark) in text and "灰色羽绒服" in text and "救助管理站" in text
        assert browser.find_element(By.ID, "station-phone").get_attribute("href").startswith("tel:")
        assert browser.find_elements(By.ID, "register-report")
        assert no_horizontal_scroll(browser)
    finally:
        browser.set_window_size(size["width"], size["height"])
