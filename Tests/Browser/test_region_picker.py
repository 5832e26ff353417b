"""The region picker on a phone: a street officer filters the household list by choosing a
street from the district → street list, and a typed name works or is refused on the page with
the form kept. Run with Tests/Browser/run.sh."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait_for_new_page, result_total, sign_in, wait_for_path


def test_street_officer_picks_a_region_on_a_phone(browser, site):
    size = browser.get_window_size()
    browser.set_window_size(390, 844)
    try:
        sign_in(browser, site)
        browser.get(site.url("/households"))
        wait_for_path(browser, "/households")
        picker = Select(browser.find_element(By.ID, "f-region"))
        groups = browser.find_elements(By.CSS_SELECTOR, "#f-region optgroup")
        assert groups, "the choices are grouped by district"
        assert browser.find_element(By.ID, "f-region").size["width"] <= 390
        picker.select_by_value(site.street)
        click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "form.filters button[type='submit']"),
                                    "filtering did not load a page")
        assert f"region={site.street}" in browser.current_url
        assert result_total(browser) > 0
        assert Select(browser.find_element(By.ID, "f-region")).first_selected_option.get_attribute("value") == site.street
        # A name no region has, typed into the address: refused on the page, the form still there.
        browser.get(site.url("/households?region=%E7%81%AB%E6%98%9F%E5%8C%BA&address=%E6%B5%8B%E8%AF%95"))
        error = browser.find_element(By.CSS_SELECTOR, "main .error").text
        assert error
        assert browser.find_element(By.ID, "f-address").get_attribute("value") == "测试"
    finally:
        browser.set_window_size(size["width"], size["height"])
