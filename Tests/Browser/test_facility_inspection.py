"""An inspector's round on a phone: a hazard recorded during an inspection, a photo of the fix,
and its closure by a re-inspection. Run with Tests/Browser/run.sh."""

import os
import random
import struct
import tempfile
import zlib

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait_for_new_page, heading, sign_in, wait_for_path
from test_application import api


def tiny_png():
    """A real 1×1 PNG: the upload is checked by content."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"\x00\xff\x00\x00"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_inspector_records_a_hazard_and_closes_it_by_reinspection(browser, site):
    token = api(site, "POST", "/api/v1/sessions", {"username": site.username, "password": site.password})["token"]
    name = "浏览器测试颐养院%04d" % random.randint(0, 9999)
    facility = api(site, "POST", "/api/v1/elderly/facilities", {
        "name": name, "kind": "careHomePrivate", "operatorName": "常州测试养老服务有限公司",
        "creditCode": "91350100M000100Y43", "region": site.street, "address": "常州市天宁区雕庄街道测试路1号",
        "latitude": 31.79, "longitude": 119.99, "filedOn": "2020-05-01", "bedsTotal": 120, "nursingBeds": 90,
        "residents": 80, "fireSafetyAccepted": True, "fireStandard": "compliant",
    }, token)
    round_ = api(site, "POST", "/api/v1/elderly/inspection-rounds", {
        "name": "浏览器测试暗查", "unannounced": True, "region": site.street,
        "startsOn": "2020-01-01", "endsOn": "2099-12-31",
    }, token)
    size = browser.get_window_size()
    browser.set_window_size(390, 844)
    photo = tempfile.NamedTemporaryFile(suffix=".png", delete=False)
    try:
        photo.write(tiny_png())
        photo.close()
        sign_in(browser, site)
        browser.get(site.url("/inspections/rounds/" + round_["id"]))
        wait_for_path(browser, "/inspections/rounds/" + round_["id"])
        row = browser.find_element(By.XPATH, "//tr[td//a[text()='%s']]" % name)
        click_and_wait_for_new_page(browser, row.find_element(By.LINK_TEXT, "开始检查"), "the checklist did not open")
        assert heading(browser) == "安全检查：" + name
        browser.find_element(By.ID, "fail-fire-exits").click()
        Select(browser.find_element(By.ID, "severity-fire-exits")).select_by_value("serious")
        browser.find_element(By.ID, "desc-fire-exits").send_keys("二楼东侧防火门被锁闭")
        click_and_wait_for_new_page(browser, browser.find_element(By.ID, "record-inspection"),
                                    "recording the inspection did not load a page")
        wait_for_path(browser, "/facilities/" + facility["id"])
        main = browser.find_element(By.CSS_SELECTOR, "main").text
        assert "二楼东侧防火门被锁闭" in main and "重大隐患" in main and "整改中" in main
        hazard = browser.find_element(By.PARTIAL_LINK_TEXT, "防火门常闭完好")
        click_and_wait_for_new_page(browser, hazard, "the hazard did not open")
        assert browser.find_element(By.ID, "hazard-state").text.startswith("整改中")
        browser.find_element(By.ID, "f-file").send_keys(photo.name)
        browser.find_element(By.ID, "f-evidence-note").send_keys("已拆除门锁")
        click_and_wait_for_new_page(browser, browser.find_element(By.ID, "upload-evidence"), "the upload did not load a page")
        assert browser.find_element(By.ID, "hazard-state").text.startswith("待复查")
        assert "已拆除门锁" in browser.find_element(By.CSS_SELECTOR, "main").text
        browser.find_element(By.ID, "f-reinspect-note").send_keys("复查：防火门可正常开启")
        click_and_wait_for_new_page(browser, browser.find_element(By.ID, "reinspect-passed"),
                                    "the re-inspection did not load a page")
        assert browser.find_element(By.ID, "hazard-state").text.startswith("已销号")
        main = browser.find_element(By.CSS_SELECTOR, "main").text
        assert "复查合格" in main and not browser.find_elements(By.ID, "reinspect-passed")
        hazards = api(site, "GET", "/api/v1/elderly/hazards?facility=" + facility["id"], None, token)["items"]
        assert [h["state"] for h in hazards] == ["closed"]
    finally:
        os.unlink(photo.name)
        browser.set_window_size(size["width"], size["height"])
