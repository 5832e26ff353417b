"""A couple books a marriage registration on a phone-sized page, then cancels it.
Run with Tests/Browser/run.sh."""

import random

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait_for_new_page, heading, wait_for_path
from test_application import register_and_sign_in, registered_household, resident_id


def test_a_couple_books_a_marriage_slot_on_a_phone(browser, site):
    head, phone = registered_household(site)
    # A man and a woman: the 17th digit's parity is the sex, the partner's the other one.
    sequence = random.randint(50, 499) * 2 + (1 - int(head[16]) % 2)
    partner = resident_id("3204021960%02d%02d%03d" % (random.randint(1, 12), random.randint(1, 28), sequence))
    browser.set_window_size(390, 844)
    try:
        register_and_sign_in(browser, site, head, phone)

        # The first day after tomorrow on which the registries have slots (a working day).
        day = site.query("SELECT MIN(day) FROM booking_slots WHERE kind = 'marriage' AND day > date('now', '+1 day')")[0][0]
        browser.get(site.url("/bookings"))
        assert heading(browser) == "预约办事"
        Select(browser.find_element(By.ID, "b-service")).select_by_value("marriage")
        date = browser.find_element(By.ID, "b-date")
        browser.execute_script("arguments[0].value = arguments[1]", date, day)
        click_and_wait_for_new_page(
            browser, browser.find_element(By.CSS_SELECTOR, "form[action='/bookings'] button[type='submit']"),
            "the day's slots did not load")
        assert f"date={day}" in browser.current_url
        # On a phone the table is a stack of cards; the first slot's button is within reach.
        book = browser.find_element(By.CSS_SELECTOR, "a.button[href^='/bookings/new?slot=']")
        assert book.size["width"] < 390
        click_and_wait_for_new_page(browser, book, "the booking form did not load")
        wait_for_path(browser, "/bookings/new")
        fields = browser.find_elements(By.CSS_SELECTOR, "input[name='idNumbers[]']")
        assert len(fields) == 2
        fields[0].send_keys(head)
        fields[1].send_keys(partner)
        click_and_wait_for_new_page(
            browser, browser.find_element(By.CSS_SELECTOR, "form[action='/bookings/new'] button[type='submit']"),
            "the booking was not made")
        assert "/new" not in browser.current_url
        code = browser.find_element(By.CSS_SELECTOR, "strong.code").text
        assert len(code) == 8
        assert site.query("SELECT state FROM bookings WHERE code = ?", code) == [("active",)]
        # The partner confirms from their own account within 24 hours; until then it says so.
        assert "待另一方确认" in browser.find_element(By.CSS_SELECTOR, "main").text

        click_and_wait_for_new_page(
            browser, browser.find_element(By.XPATH, "//button[text()='取消预约']"), "the booking was not cancelled")
        assert "已取消" in browser.find_element(By.CSS_SELECTOR, "main").text
        assert site.query("SELECT state FROM bookings WHERE code = ?", code) == [("cancelled",)]
    finally:
        browser.set_window_size(1280, 1000)
