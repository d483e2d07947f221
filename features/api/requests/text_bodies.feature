Feature: Raw request bodies
  As a tester of an API that takes text, XML or other formats
  I want to send a doc-string as the body, with the content type I choose
  So that I can specify any payload, even a deliberately broken one

  Scenario: A text body is sent as written, with its content type
    When I send a PUT request to "/inspect" with a "text/plain; charset=utf-8" body:
      """
      Hello, Ada!
      """
    Then the JSON value at "$.content_type" should be "text/plain; charset=utf-8"
    And the JSON value at "$.text" should be "Hello, Ada!"

  Scenario: An XML body is sent with the XML content type
    When I send a POST request to "/inspect" with a "application/xml" body:
      """
      <person><name>Ada</name></person>
      """
    Then the JSON value at "$.content_type" should be "application/xml"
    And the JSON value at "$.text" should be "<person><name>Ada</name></person>"
