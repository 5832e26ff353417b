"""Error pages in a real browser. Run with Tests/Browser/run.sh."""

from selenium.webdriver.common.by import By

from conftest import heading, wait_for_path


def test_unknown_page_shows_the_chinese_404_page_and_the_server_lives_on(browser, site):
    browser.get(site.url("/no-such-page"))
    assert heading(browser) == "出错了"
    assert browser.find_element(By.CSS_SELECTOR, "main .error .status").text.strip() == "404"
    # The server is still up: the sign-in page loads.
    browser.get(site.url("/login"))
    wait_for_path(browser, "/login")
    assert heading(browser) == "登录"
