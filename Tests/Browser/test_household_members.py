"""A street officer adds a newborn to a household from the household page, on a phone-sized
window, in a real browser. Run with Tests/Browser/run.sh."""

import random

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait_for_new_page, heading, sign_in, wait_for_path
from test_application import api, resident_id


def test_officer_adds_a_newborn_on_a_phone(browser, site):
    token = api(site, "POST", "/api/v1/sessions", {"username": site.username, "password": site.password})["token"]
    head = resident_id("3204021960%02d%02d%03d" % (random.randint(1, 12), random.randint(1, 28), random.randint(100, 999)))
    household = api(site, "POST", "/api/v1/households", {
        "region": site.street, "address": "常州市天宁区雕庄街道浏览器测试路9号",
        "members": [{"relation": "head", "name": "刘建华", "idNumber": head}],
    }, token)
    size = browser.get_window_size()
    browser.set_window_size(390, 844)
    try:
        sign_in(browser, site)
        browser.get(site.url(f"/households/{household['id']}"))
        wait_for_path(browser, f"/households/{household['id']}")
        form = browser.find_element(By.CSS_SELECTOR, f"form[action='/households/{household['id']}/members']")
        # The form fits the phone's width: no field sticks out to the right.
        assert form.size["width"] <= 390
        Select(browser.find_element(By.ID, "m-relation")).select_by_value("child")
        browser.find_element(By.ID, "m-name").send_keys("刘小雨")
        # A mistyped number first: the page says which field is wrong and keeps the name.
        browser.find_element(By.ID, "m-id").send_keys("320402202501010001")
        click_and_wait_for_new_page(browser, form.find_element(By.CSS_SELECTOR, "button[type='submit']"), "the refused form did not come back")
        assert browser.find_element(By.ID, "member-error").text
        assert browser.find_element(By.ID, "m-id").get_attribute("aria-invalid") == "true"
        assert browser.find_element(By.ID, "m-name").get_attribute("value") == "刘小雨"
        newborn = resident_id("32040220250101000")
        field = browser.find_element(By.ID, "m-id")
        field.clear()
        field.send_keys(newborn)
        submit = browser.find_element(By.CSS_SELECTOR, f"form[action='/households/{household['id']}/members'] button[type='submit']")
        click_and_wait_for_new_page(browser, submit, "adding the member did not load a new page")
        assert "已添加成员" in browser.find_element(By.CSS_SELECTOR, "main").text
        assert "刘小雨" in browser.find_element(By.CSS_SELECTOR, "table").text
        assert heading(browser) == "常州市天宁区雕庄街道浏览器测试路9号"
    finally:
        browser.set_window_size(size["width"], size["height"])
