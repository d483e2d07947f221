Feature: Redirects
  As a client developer
  I want to know where the service sends me when a page has moved
  So that old links keep working and I can see where they lead

  Scenario: A redirect is followed to the page it leads to
    When I send a GET request to "/redirects/moved"
    Then the response status should be 200
    And the JSON value at "$.page" should be "new"

  Scenario: A redirect that is not followed says where it leads
    Given redirects are not followed
    When I send a GET request to "/redirects/old"
    Then the response status should be 302
    And the response header "Location" should be "/redirects/new"
