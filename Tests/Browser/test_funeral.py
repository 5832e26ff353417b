"""A family books a cremation on a phone-sized page: the death is not yet in the registry, so
the family records the death certificate on 身后一件事 first; the page then shows the booking.
Run with Tests/Browser/run.sh."""

import random

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait_for_new_page, heading, wait_for_path
from test_application import register_and_sign_in, registered_household, resident_id


def test_a_family_books_a_cremation_on_a_phone(browser, site):
    head, phone = registered_household(site)
    deceased = resident_id("3204021938%02d%02d%03d" % (random.randint(1, 12), random.randint(1, 28), random.randint(100, 999)))
    browser.set_window_size(390, 844)
    try:
        register_and_sign_in(browser, site, head, phone)

        day = site.query("SELECT MIN(day) FROM booking_slots WHERE kind = 'cremation' AND day > date('now', '+1 day')")[0][0]

        # Without the death on record the booking is refused, naming the deceased's field.
        browser.get(site.url("/after-death"))
        assert heading(browser) == "身后一件事"
        browser.find_element(By.ID, "d-id").send_keys(deceased)
        browser.find_element(By.ID, "d-number").send_keys("A2026120500%d" % random.randint(10, 99))
        click_and_wait_for_new_page(
            browser, browser.find_element(By.CSS_SELECTOR, "form[action='/after-death/certificate'] button[type='submit']"),
            "the certificate was not recorded")
        wait_for_path(browser, "/after-death")
        link = browser.find_element(By.CSS_SELECTOR, "a[href='/bookings?service=cremation']")
        assert link.size["width"] < 390
        click_and_wait_for_new_page(browser, link, "the cremation slots did not load")

        Select(browser.find_element(By.ID, "b-service")).select_by_value("cremation")
        date = browser.find_element(By.ID, "b-date")
        browser.execute_script("arguments[0].value = arguments[1]", date, day)
        click_and_wait_for_new_page(
            browser, browser.find_element(By.CSS_SELECTOR, "form[action='/bookings'] button[type='submit']"),
            "the day's furnace slots did not load")
        book = browser.find_element(By.CSS_SELECTOR, "a.button[href^='/bookings/new?slot=']")
        assert book.size["width"] < 390
        click_and_wait_for_new_page(browser, book, "the booking form did not load")
        wait_for_path(browser, "/bookings/new")
        fields = browser.find_elements(By.CSS_SELECTOR, "input[name='idNumbers[]']")
        assert len(fields) == 1
        fields[0].send_keys(deceased)
        click_and_wait_for_new_page(
            browser, browser.find_element(By.CSS_SELECTOR, "form[action='/bookings/new'] button[type='submit']"),
            "the cremation was not booked")
        assert "/new" not in browser.current_url
        code = browser.find_element(By.CSS_SELECTOR, "strong.code").text
        assert site.query("SELECT kind, state FROM bookings WHERE code = ?", code) == [("cremation", "active")]

        # The family's page now counts the cremation as done.
        browser.get(site.url("/after-death"))
        done = browser.find_element(By.CSS_SELECTOR, "ul.done").text
        assert "已预约火化" in done and code in done
    finally:
        browser.set_window_size(1280, 1000)
