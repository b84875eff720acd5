package org.undersigned.signatures;

/** The public answer to a sign-up; the same whether or not the address had already signed. */
public record Receipt(String id, String status) {}
