"""A grid worker's day on a phone: the folded menu leads to the visits, the task says whom to
visit, the visit is recorded and then shown as recorded. Run with Tests/Browser/run.sh."""

import random

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait_for_new_page, heading, sign_in, wait_for_path
from test_application import api, resident_id


def test_grid_worker_visits_on_a_phone(browser, site):
    officer = api(site, "POST", "/api/v1/sessions", {"username": site.username, "password": site.password})["token"]
    head = resident_id("3204021955%02d%02d%03d" % (random.randint(1, 12), random.randint(1, 28), random.randint(100, 999)))
    api(site, "POST", "/api/v1/households", {
        "region": site.street + "001", "address": "常州市天宁区雕庄街道走访测试路3号",
        "members": [{"relation": "head", "name": "赵桂英", "idNumber": head, "phone": "13800001111"}],
    }, officer)
    medical = api(site, "POST", "/api/v1/sessions", {"username": site.department_user, "password": site.department_password})["token"]
    api(site, "POST", "/api/v1/feeds/medicalExpense", [{
        "sourceRecordId": "BT-%d" % random.randint(0, 10**9), "idNumber": head, "admissionDate": "2026-10-01",
        "dischargeDate": "2026-10-20", "totalFen": 3000000, "outOfPocketFen": 1500000, "seriousIllness": True,
    }], medical)
    size = browser.get_window_size()
    browser.set_window_size(390, 844)
    try:
        sign_in(browser, site)
        # The menu is folded behind 菜单; opening it shows 走访任务.
        links = browser.find_element(By.CSS_SELECTOR, "nav.nav")
        assert not links.is_displayed()
        browser.find_element(By.CSS_SELECTOR, "label.menu-button").click()
        visits = browser.find_element(By.LINK_TEXT, "走访任务")
        assert visits.is_displayed()
        click_and_wait_for_new_page(browser, visits, "the visit list did not open")
        wait_for_path(browser, "/tasks")
        task = browser.find_element(By.LINK_TEXT, "赵桂英")
        click_and_wait_for_new_page(browser, task, "the task did not open")
        main = browser.find_element(By.CSS_SELECTOR, "main").text
        assert "走访测试路3号" in main and "13800001111" in main and head[:6] in main
        assert Select(browser.find_element(By.ID, "f-out")).first_selected_option.get_attribute("value") == ""
        browser.find_element(By.ID, "f-find").send_keys("已入户，住院后行动不便，家中无收入")
        Select(browser.find_element(By.ID, "f-out")).select_by_value("startApplication")
        click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "form.form button[type='submit']"),
                                    "recording the visit did not load a page")
        main = browser.find_element(By.CSS_SELECTOR, "main").text
        assert "走访记录已保存" in main and "家中无收入" in main and "发起救助申请" in main
        assert not browser.find_elements(By.ID, "f-find")
        assert heading(browser).startswith("走访 赵桂英")
    finally:
        browser.set_window_size(size["width"], size["height"])
