"""The community child director (儿童主任) on a phone: a child known as de-facto unsupported
gets this month's visit at once; the folded menu leads to 儿童巡访, the visit is recorded with
the findings, the needs and a referral, and then shown as recorded. Run with Tests/Browser/run.sh."""

import os
import random

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from selenium.webdriver.support import expected_conditions as EC

from conftest import click_and_wait_for_new_page, heading, open_login, submit_login, wait, wait_for_path
from test_application import api, resident_id


def test_child_director_records_a_visit_on_a_phone(browser, site):
    user = os.environ["MINZHENG_TEST_DIRECTOR_USER"]
    password = os.environ["MINZHENG_TEST_DIRECTOR_PASSWORD"]
    director = api(site, "POST", "/api/v1/sessions", {"username": user, "password": password})["token"]
    head = resident_id("3204021980%02d%02d%03d" % (random.randint(1, 12), random.randint(1, 28), random.randint(100, 999)))
    child = resident_id("3204022015%02d%02d%03d" % (random.randint(1, 12), random.randint(1, 28), random.randint(100, 999)))
    api(site, "POST", "/api/v1/households", {
        "region": site.street + "001", "address": "常州市天宁区雕庄街道巡访测试路6号",
        "members": [{"relation": "head", "name": "周建华", "idNumber": head},
                    {"relation": "child", "name": "周小雨", "idNumber": child}],
    }, director)
    record = api(site, "POST", "/api/v1/children", {
        "idNumber": child, "category": "unsupported", "reason": "父亲服刑、母亲失联",
        "guardianName": "周秀英", "guardianRelation": "祖母", "guardianPhone": "13905190007",
    }, director)
    assert record["category"] == "unsupported" and record["guardianPhoneMasked"] == "139****0007"
    size = browser.get_window_size()
    browser.set_window_size(390, 844)
    try:
        open_login(browser, site)
        submit_login(browser, user, password)
        wait(browser).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "header .user-name"), "浏览器测试儿童主任"))
        # The menu is folded behind 菜单; opening it shows 儿童巡访.
        assert not browser.find_element(By.CSS_SELECTOR, "nav.nav").is_displayed()
        browser.find_element(By.CSS_SELECTOR, "label.menu-button").click()
        visits = browser.find_element(By.LINK_TEXT, "儿童巡访")
        assert visits.is_displayed()
        click_and_wait_for_new_page(browser, visits, "the child visits did not open")
        wait_for_path(browser, "/child-visits")
        click_and_wait_for_new_page(browser, browser.find_element(By.LINK_TEXT, "周小雨"), "the visit did not open")
        main = browser.find_element(By.CSS_SELECTOR, "main").text
        assert "巡访测试路6号" in main and "事实无人抚养儿童" in main and child[:6] in main
        # The form fits the phone: no sideways scrolling.
        assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")
        assert Select(browser.find_element(By.ID, "f-ref")).first_selected_option.get_attribute("value") == ""
        browser.find_element(By.ID, "f-find").send_keys("祖母年迈，孩子按时上学，衣物不足")
        browser.find_element(By.ID, "f-needs").send_keys("冬衣、课后辅导")
        Select(browser.find_element(By.ID, "f-ref")).select_by_value("education")
        click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "form.form button[type='submit']"),
                                    "recording the visit did not load a page")
        main = browser.find_element(By.CSS_SELECTOR, "main").text
        assert "巡访记录已保存" in main and "衣物不足" in main and "课后辅导" in main and "教育部门" in main
        assert not browser.find_elements(By.ID, "f-find")
        assert heading(browser).startswith("巡访 周小雨")
    finally:
        browser.set_window_size(size["width"], size["height"])
