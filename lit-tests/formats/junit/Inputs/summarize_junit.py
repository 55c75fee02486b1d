# summarize_junit.py - prints a JUnit XML file's test cases, read with ElementTree
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
print("testsuites tests=%s failures=%s" % (root.get("tests"), root.get("failures")))
for suite in root.iter("testsuite"):
    for case in suite.iter("testcase"):
        failure = case.find("failure")
        skipped = case.find("skipped")
        if skipped is not None:
            print(case.get("classname"), case.get("name"), "skipped: " + skipped.get("message"))
        elif failure is None:
            print(case.get("classname"), case.get("name"), "pass")
        else:
            print(case.get("classname"), case.get("name"), "failure: " + failure.get("message"))
            print(failure.text.strip())
