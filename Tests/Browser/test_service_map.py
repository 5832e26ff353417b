"""The public service map on a phone, signed out: nearest first from a street and from where
the phone is, a facility's page with its prices, and a question to the adviser that comes
back with a reply code. Run with Tests/Browser/run.sh."""

import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait_for_new_page, heading, wait, wait_for_path


def metres(text):
    """'850 米' or '1.2 公里' as metres."""
    m = re.match(r"([\d.]+)\s*(米|公里)", text.strip())
    assert m, f"not a distance: {text!r}"
    return float(m.group(1)) * (1000 if m.group(2) == "公里" else 1)


def distances(browser):
    return [metres(e.text) for e in browser.find_elements(By.CSS_SELECTOR, ".map-list .distance")]


def assert_fits_the_phone(browser):
    width = browser.execute_script("return document.documentElement.clientWidth")
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    svg = browser.find_element(By.CSS_SELECTOR, "svg.service-map")
    assert 0 < svg.size["width"] <= width and svg.size["height"] > 100, f"map drawn {svg.size} on a {width} px page"


def test_a_daughter_finds_a_place_near_her_mother_and_asks_the_adviser(browser, site):
    size = browser.get_window_size()
    browser.set_window_size(390, 844)
    try:
        browser.get(site.url("/login"))
        click_and_wait_for_new_page(browser, browser.find_element(By.LINK_TEXT, "养老服务地图"), "the map did not open")
        wait_for_path(browser, "/care-map")
        assert heading(browser) == "养老服务地图"
        assert_fits_the_phone(browser)

        # From a street's office, nearest first.
        start = Select(browser.find_element(By.ID, "m-from"))
        street = start.options[1]
        street_code, street_name = street.get_attribute("value"), street.text
        start.select_by_value(street_code)
        click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"),
                                    "the search did not load")
        assert f"从{street_name}出发" in browser.find_element(By.CSS_SELECTOR, "main").text
        near = distances(browser)
        assert len(near) == 10 and near == sorted(near), near
        assert len(browser.find_elements(By.CSS_SELECTOR, "svg.service-map g.pin")) == 10
        assert_fits_the_phone(browser)

        # From where the phone is: the button asks the phone (geo.js) and sends the point.
        first = browser.find_element(By.CSS_SELECTOR, ".map-list li a")
        facility_name = first.text
        browser.execute_cdp_cmd("Browser.grantPermissions", {"origin": site.base_url, "permissions": ["geolocation"]})
        browser.execute_cdp_cmd("Emulation.setGeolocationOverride", {
            "latitude": 31.7600, "longitude": 119.9500, "accuracy": 30})
        click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "form.geo button"),
                                    "the search from the phone's position did not load")
        assert "latitude=31.76" in browser.current_url
        assert "从您的位置出发" in browser.find_element(By.CSS_SELECTOR, "main").text
        here = distances(browser)
        assert here == sorted(here) and here[0] < 10_000, here

        # A facility's page: grade, beds, prices and a phone to call.
        browser.get(site.url("/care-map?from=" + street_code))
        first = browser.find_element(By.CSS_SELECTOR, ".map-list li a")
        facility_name = first.text
        click_and_wait_for_new_page(browser, first, "the facility page did not open")
        assert heading(browser) == facility_name
        prices = browser.find_elements(By.CSS_SELECTOR, "table[class~=cards] tbody tr")
        assert prices and all("元" in p.text for p in prices)
        assert browser.find_element(By.CSS_SELECTOR, "a[href^='tel:']")

        # The adviser: the facility's street chosen, a refusal names the field, then the receipt.
        click_and_wait_for_new_page(browser, browser.find_element(By.LINK_TEXT, "问养老顾问"), "the form did not open")
        wait_for_path(browser, "/care-map/advice")
        chosen = Select(browser.find_element(By.ID, "a-street")).first_selected_option.get_attribute("value")
        assert re.fullmatch(r"\d{9}", chosen), chosen
        browser.find_element(By.CSS_SELECTOR, "input[name=kind][value=careNeed]").click()
        browser.find_element(By.ID, "a-name").send_keys("李女士")
        browser.find_element(By.ID, "a-phone").send_keys("1391234")
        browser.find_element(By.ID, "a-message").send_keys("母亲 86 岁独居，想找离家近、有空床位的护理型养老院。")
        click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"),
                                    "the form was not sent")
        assert browser.find_element(By.ID, "a-phone").get_attribute("aria-invalid") == "true"
        assert "联系电话格式不正确" in browser.find_element(By.ID, "form-error").text
        phone = browser.find_element(By.ID, "a-phone")
        phone.clear()
        phone.send_keys("139 1234 5678")
        click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"),
                                    "the form was not sent")
        code = browser.find_element(By.CSS_SELECTOR, ".reply-code").text.strip()
        assert re.fullmatch(r"[A-Z0-9]{12}", code), code
        main = browser.find_element(By.CSS_SELECTOR, "main").text
        assert "待答复" in main and "139****5678" in main and "李**" in main
        rows = site.query("SELECT region, state, phone_masked FROM advice_requests WHERE name = ?", "李女士")
        assert rows == [(chosen, "open", "139****5678")]
    finally:
        browser.set_window_size(size["width"], size["height"])
