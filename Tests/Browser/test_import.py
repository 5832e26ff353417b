"""A street officer uploads a household file and follows the background import to its
result, in a real browser. Run with Tests/Browser/run.sh."""

import os
import random
import tempfile

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By

from conftest import click_and_wait_for_new_page, sign_in, wait
from test_application import resident_id


def test_officer_imports_a_file_and_sees_the_result(browser, site):
    head = resident_id("3204021955%02d%02d%03d" % (random.randint(1, 12), random.randint(1, 28), random.randint(100, 999)))
    rows = [
        "户编号,与户主关系,姓名,身份证号,所属区划,地址",
        f"BT-{head},本人,孙桂英,{head},{site.street},常州市天宁区雕庄街道浏览器导入路1号",
        f"BT-bad,本人,错号,{head[:-1]}{'0' if head[-1] != '0' else '1'},{site.street},常州市天宁区雕庄街道浏览器导入路2号",
    ]
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
        path = f.name
    try:
        sign_in(browser, site)
        browser.get(site.url("/import"))
        browser.find_element(By.ID, "f-file").send_keys(path)
        submit = browser.find_element(By.CSS_SELECTOR, "form[action^='/import'] button[type='submit']")
        click_and_wait_for_new_page(browser, submit, "the upload did not load the job's page")
        # The job's page reloads itself until the import has ended: a read during a reload is "not yet".
        def result_shown(d):
            try:
                return "导入结果" in d.find_element(By.CSS_SELECTOR, "main").text
            except WebDriverException:
                return False

        wait(browser, 30).until(result_shown, message="no result shown")
        # New, updated, refused: the good household's head, nobody, the row with the wrong check digit.
        assert [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".stat-value")] == ["1", "0", "1"]
        assert "身份证号校验位错误" in browser.find_element(By.CSS_SELECTOR, "table").text
        assert browser.find_element(By.PARTIAL_LINK_TEXT, "下载全部被拒绝的行")
    finally:
        os.unlink(path)
