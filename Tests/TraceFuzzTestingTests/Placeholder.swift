import Testing

@Test("placeholder builds") func placeholder() { #expect(Bool(true)) }
