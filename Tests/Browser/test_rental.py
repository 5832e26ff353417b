"""A rental from request to return on a phone (康复辅助器具社区租赁): the street officer opens
辅具租赁 from the folded menu, requests a wheelchair for a person of 85 at the street's point
(half the rent subsidised, a device reserved by serial number), delivers it, takes it back, and
the device waits at the point until it is cleaned and disinfected, which records who did it.
Run with Tests/Browser/run.sh."""

import random

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait_for_new_page, heading, open_login, submit_login, wait, wait_for_path
from test_application import api, resident_id


def test_a_rental_from_request_to_return_on_a_phone(browser, site):
    token = api(site, "POST", "/api/v1/sessions", {"username": site.username, "password": site.password})["token"]
    person = resident_id("3204021941%02d%02d%03d" % (random.randint(1, 12), random.randint(1, 28), random.randint(100, 999)))
    api(site, "POST", "/api/v1/households", {
        "region": site.street, "address": "常州市天宁区雕庄街道辅具测试路8号",
        "members": [{"relation": "head", "name": "钱福根", "idNumber": person}],
    }, token)
    point = api(site, "POST", "/api/v1/rental/points", {
        "name": "浏览器测试租赁点%04d" % random.randint(0, 9999), "region": site.street,
        "operatorName": "常州康辅", "address": "雕庄路8号",
    }, token)
    serial = "BT-%06d" % random.randint(0, 999999)
    api(site, "POST", "/api/v1/rental/points/%s/devices" % point["id"], {"kind": "manualWheelchair", "serial": serial}, token)

    size = browser.get_window_size()
    browser.set_window_size(390, 844)
    try:
        open_login(browser, site)
        submit_login(browser, site.username, site.password)
        wait(browser).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "header .user-name"), site.display_name))
        assert not browser.find_element(By.CSS_SELECTOR, "nav.nav").is_displayed()
        browser.find_element(By.CSS_SELECTOR, "label.menu-button").click()
        click_and_wait_for_new_page(browser, browser.find_element(By.LINK_TEXT, "辅具租赁"), "the rental page did not open")
        wait_for_path(browser, "/rental")
        assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")

        # The request: the person, the point, a manual wheelchair for 2 months.
        browser.find_element(By.ID, "idNumber").send_keys(person)
        Select(browser.find_element(By.ID, "pointId")).select_by_value(point["id"])
        Select(browser.find_element(By.ID, "kind")).select_by_value("manualWheelchair")
        months = browser.find_element(By.ID, "months")
        months.clear()
        months.send_keys("2")
        click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "#rental-form button[type='submit']"),
                                    "the request did not load the rental")
        assert heading(browser) == "手动轮椅 · 钱福根"
        assert browser.find_element(By.ID, "standing").text == "待交付"
        assert browser.find_element(By.ID, "serial").text == serial
        main = browser.find_element(By.CSS_SELECTOR, "main").text
        assert "高龄老人" in main and "15.00" in main and "300.00" in main

        click_and_wait_for_new_page(browser, browser.find_element(By.ID, "deliver"), "the delivery did not load a page")
        assert browser.find_element(By.ID, "standing").text == "在租"
        click_and_wait_for_new_page(browser, browser.find_element(By.ID, "return"), "the return did not load a page")
        assert browser.find_element(By.ID, "standing").text == "已归还"
        assert "清洗消毒" in browser.find_element(By.CSS_SELECTOR, "main").text

        # At the point the wheelchair waits for disinfection; disinfected, it is available again.
        click_and_wait_for_new_page(browser, browser.find_element(By.LINK_TEXT, "租赁点"), "the point did not open")
        row = browser.find_element(By.CSS_SELECTOR, "tr[data-serial='%s']" % serial)
        assert "待清洗消毒" in row.text
        click_and_wait_for_new_page(browser, row.find_element(By.XPATH, ".//button[text()='清洗消毒']"),
                                    "the disinfection did not load a page")
        row = browser.find_element(By.CSS_SELECTOR, "tr[data-serial='%s']" % serial)
        assert "可租" in row.text and site.display_name in row.text
        assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")
    finally:
        browser.set_window_size(size["width"], size["height"])
    events = [r[0] for r in site.query(
        "SELECT e.action FROM rental_device_events e JOIN rental_devices d ON d.id = e.device_id "
        "WHERE d.serial = ? ORDER BY e.at", serial)]
    assert events == ["reserve", "deliver", "takeBack", "disinfect"]
