Feature: Request bodies from files
  As a tester of an API that takes XML, CSV or other documents
  I want to send a file under the features directory as the request body
  So that documents too big or too exact for a doc-string are sent byte for byte

  Scenario: An XML file is sent with the content type of its extension
    When I send a POST request to "/inspect" with the file "data/order.xml" as the body
    Then the JSON value at "$.content_type" should be "application/xml"
    And the JSON value at "$.body_size" should be 145

  Scenario: A file is sent with the content type the step gives
    When I send a PUT request to "/inspect" with the file "data/hello.txt" as a "text/markdown" body
    Then the JSON value at "$.content_type" should be "text/markdown"
    And the JSON value at "$.text" should be "Hello, Ada!\n"
