Feature: Downloads
  As a user of the reports
  I want to download a report exactly as it was published
  So that what I open is what was meant, byte for byte

  Scenario: The report has its published size
    When I send a GET request to "/documents/report.pdf"
    Then the response status should be 200
    And the response body should be 1024 bytes long

  Scenario: The report is the published file
    When I send a GET request to "/documents/report.pdf"
    Then the response header "Content-Type" should be "application/pdf"
    And the response body should be the file "data/report.pdf"

  Scenario: A saved download is the file that came
    Given I send a GET request to "/documents/report.pdf"
    When I save the response body to the file "downloads/report.pdf"
    Then the response body should be the file "downloads/report.pdf"
