"""民政通 on a phone (390 px), signed out: the portal's categories, a category's services, a
service's guide with its way in; searching by the words people use; the large-text mode
(适老化) remembered across pages, with nothing wider than the phone. Run with Tests/Browser/run.sh."""

from selenium.webdriver.common.by import By

from conftest import click_and_wait_for_new_page, heading, wait_for_path


def assert_fits_the_phone(browser):
    width = browser.execute_script("return document.documentElement.clientWidth")
    scroll = browser.execute_script("return document.documentElement.scrollWidth")
    assert scroll <= width, f"the page scrolls sideways ({scroll} px on a {width} px page) at {browser.current_url}"


def root_font_px(browser):
    return float(browser.execute_script(
        "return parseFloat(getComputedStyle(document.documentElement).fontSize)"))


def test_a_resident_finds_a_guide_from_its_category_on_a_phone_in_large_text(browser, site):
    size = browser.get_window_size()
    browser.set_window_size(390, 844)
    try:
        browser.get(site.url("/"))
        assert heading(browser) == "民政通"
        assert_fits_the_phone(browser)
        categories = browser.find_elements(By.CSS_SELECTOR, ".portal-categories a")
        assert len(categories) == 8
        normal = root_font_px(browser)

        # 大字模式: the link sets the cookie and comes back to the same page, larger.
        click_and_wait_for_new_page(browser, browser.find_element(By.LINK_TEXT, "大字模式"),
                                    "the large-text switch did not come back")
        wait_for_path(browser, "/")
        assert "large-text" in browser.find_element(By.TAG_NAME, "html").get_attribute("class")
        large = root_font_px(browser)
        assert large >= normal * 1.2, (normal, large)
        assert_fits_the_phone(browser)

        # From the category to a service's guide, still large.
        elderly = browser.find_element(By.CSS_SELECTOR, ".portal-categories a[href='/services/elderly']")
        click_and_wait_for_new_page(browser, elderly, "the category did not open")
        wait_for_path(browser, "/services/elderly")
        assert heading(browser) == "养老服务"
        assert root_font_px(browser) == large
        assert_fits_the_phone(browser)
        service = browser.find_element(By.CSS_SELECTOR, ".portal-services a[href='/services/elderly/11']")
        click_and_wait_for_new_page(browser, service, "the guide did not open")
        wait_for_path(browser, "/services/elderly/11")
        assert heading(browser) == "尊老金（高龄津贴）"
        guide = browser.find_element(By.CSS_SELECTOR, "main").text
        for label in ("谁可以申请", "申请条件", "所需材料", "办理流程", "办理时限", "收费标准", "办理地点", "办公时间", "咨询电话"):
            assert label in guide, label
        assert browser.find_element(By.CSS_SELECTOR, "a[href='tel:12345']")
        assert root_font_px(browser) == large
        assert_fits_the_phone(browser)

        # A service handled online: its button goes through sign-in.
        browser.get(site.url("/services/marriage/34"))
        go = browser.find_element(By.CSS_SELECTOR, "a.portal-go")
        assert go.text == "登录后在线办理"
        assert_fits_the_phone(browser)

        # Search by the word people use, best match first.
        browser.get(site.url("/"))
        box = browser.find_element(By.ID, "portal-q")
        box.send_keys("低保")
        click_and_wait_for_new_page(browser, browser.find_element(By.CSS_SELECTOR, "form.portal-search button"),
                                    "the search did not load")
        wait_for_path(browser, "/services")
        first = browser.find_element(By.CSS_SELECTOR, "ol.portal-services li a")
        assert first.text == "最低生活保障申请"
        assert_fits_the_phone(browser)

        # Back to standard text, remembered too.
        click_and_wait_for_new_page(browser, browser.find_element(By.LINK_TEXT, "标准字号"),
                                    "the standard-text switch did not come back")
        assert "large-text" not in (browser.find_element(By.TAG_NAME, "html").get_attribute("class") or "")
        assert root_font_px(browser) == normal
    finally:
        browser.set_window_size(size["width"], size["height"])
