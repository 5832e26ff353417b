"""A resident applies on the self-service pages and an officer accepts, in a real browser.
Run with Tests/Browser/run.sh."""

import base64
import json
import os
import random
import tempfile
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait_for_new_page, heading, open_login, sign_in, submit_login, wait, wait_for_path

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"
# The smallest valid PNG: a 1×1 transparent pixel.
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")


def resident_id(first17):
    return first17 + CHECK[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]


def api(site, method, path, body=None, token=None):
    request = urllib.request.Request(site.url(path), method=method, data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def registered_household(site):
    """A household in the officer's street whose head has a phone on file: the resident."""
    token = api(site, "POST", "/api/v1/sessions", {"username": site.username, "password": site.password})["token"]
    head = resident_id("3204021958%02d%02d%03d" % (random.randint(1, 12), random.randint(1, 28), random.randint(100, 999)))
    phone = "139%08d" % random.randint(0, 99999999)
    api(site, "POST", "/api/v1/households", {
        "region": site.street, "address": "常州市天宁区雕庄街道浏览器测试路8号",
        "members": [{"relation": "head", "name": "王秀兰", "idNumber": head, "phone": phone}],
    }, token)
    return head, phone


RESIDENT_PASSWORD = "Resident-password-1"


def register_and_sign_in(browser, site, head, phone):
    """The resident of `registered_household` registers with the facts on file, then signs in
    with the ID number, lands on the portal (民政通) and goes on to their applications from it."""
    browser.get(site.url("/register"))
    assert heading(browser) == "居民注册"
    for field, value in (("f-name", "王秀兰"), ("f-id", head), ("f-phone", phone), ("f-password", RESIDENT_PASSWORD),
                         ("f-confirm", RESIDENT_PASSWORD)):
        browser.find_element(By.ID, field).send_keys(value)
    browser.find_element(By.CSS_SELECTOR, "form[action='/register'] button[type='submit']").click()
    wait_for_path(browser, "/login")
    assert "注册成功" in browser.find_element(By.CSS_SELECTOR, "main").text
    submit_login(browser, head, RESIDENT_PASSWORD)
    wait_for_path(browser, "/")
    browser.find_element(By.LINK_TEXT, "我的救助申请").click()
    wait_for_path(browser, "/applications")
    assert heading(browser) == "我的申请"


def test_resident_applies_and_an_officer_accepts(browser, site):
    head, phone = registered_household(site)
    register_and_sign_in(browser, site, head, phone)

    # Apply for dibao, declaring a small pension.
    browser.find_element(By.LINK_TEXT, "申请救助").click()
    wait_for_path(browser, "/applications/new")
    Select(browser.find_element(By.ID, "f-item")).select_by_value("dibao")
    browser.find_element(By.ID, "m0-pension").send_keys("300")
    browser.find_element(By.ID, "f-note").send_keys("独居，仅有少量养老金")
    browser.find_element(By.CSS_SELECTOR, "form[action='/applications/new'] button[type='submit']").click()
    wait(browser).until(lambda d: d.current_url.rsplit("/", 1)[-1].count("-") == 4, message="not on the application's page")
    application_path = browser.current_url.split(site.base_url, 1)[1]
    assert "已提交" in heading(browser)

    # Upload a document (a PNG photo).
    with tempfile.NamedTemporaryFile(suffix=".png", delete=False) as f:
        f.write(PNG)
        photo = f.name
    try:
        browser.find_element(By.ID, "f-file").send_keys(photo)
        browser.find_element(By.CSS_SELECTOR, "form[enctype='multipart/form-data'] button[type='submit']").click()
        wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, f"a[href^='{application_path}/documents/']")))
    finally:
        os.unlink(photo)

    # Sign out; the street officer finds it in the queue and accepts it.
    browser.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()
    wait_for_path(browser, "/login")
    sign_in(browser, site)
    browser.get(site.url("/applications?state=submitted"))
    browser.find_element(By.CSS_SELECTOR, f"a[href='{application_path}']").click()
    wait_for_path(browser, application_path)
    accept = browser.find_element(By.XPATH, "//form[.//input[@name='action' and @value='accept']]//button")
    click_and_wait_for_new_page(browser, accept, "accepting the application did not load a new page")
    assert "已受理" in heading(browser)
    steps = browser.find_element(By.CSS_SELECTOR, "ol.timeline").text
    assert "提交申请" in steps and "受理" in steps
