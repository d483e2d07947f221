Feature: File uploads
  As a tester of an endpoint that receives files
  I want to upload a file kept next to the features as a multipart form field
  So that I can specify uploads with real files, byte for byte

  Scenario: A text file is uploaded as a named field
    When I send a POST request to "/upload" with the file "data/hello.txt" as "document"
    Then the response status should be 200
    And the JSON value at "$.files" should be [{"field": "document", "filename": "hello.txt", "size": 12, "content_type": "text/plain", "sha256": "902f4d30a6318ad21ab741f67b38666b0049d410161f1b813e69f49ba1e3897a"}]

  Scenario: A binary file arrives unchanged
    When I send a POST request to "/upload" with the file "data/bytes.bin" as "attachment"
    Then the JSON value at "$.files[0].size" should be 532
    And the JSON value at "$.files[0].content_type" should be "application/octet-stream"
    And the JSON value at "$.files[0].sha256" should be "68a12ba6d25985d7ac0074b07fde5077f1801d612900111556ccfacce6a99867"

  Scenario: Plain form fields are sent along with the file
    When I send a POST request to "/upload" with the file "data/hello.txt" as "document" and the form fields:
      | name        | value          |
      | description | A short letter |
      | tag         | greeting       |
    Then the JSON value at "$.fields" should be {"description": ["A short letter"], "tag": ["greeting"]}
    And the JSON value at "$.files[0].field" should be "document"
