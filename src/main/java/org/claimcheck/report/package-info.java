/** Reports for editors: {@link org.claimcheck.report.ClaimsReport} writes {@code claims-report.csv}. */
package org.claimcheck.report;
