package kiji.media;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Builds the S3 client for a media location: the SDK's default credential chain, the JDK's HTTP client. */
final class S3Clients {
    /** What S3-compatible stores (MinIO and the like) accept as a region when they ignore it. */
    private static final Region ANY_REGION = Region.US_EAST_1;

    private S3Clients() {}

    static S3Client create(MediaSettings.S3Location location) {
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .region(region(location));
        location.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint)
                // other stores than AWS: bucket in the path (no per-bucket DNS names), and checksums
                // only where S3 requires them (the SDK's newer default trailers are not understood everywhere)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        return builder.build();
    }

    private static Region region(MediaSettings.S3Location location) {
        if (location.region().isPresent()) return Region.of(location.region().get());
        if (location.endpoint().isPresent()) return ANY_REGION;
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (RuntimeException e) {
            throw new MediaStoreException("no region for the media bucket " + location.url()
                    + ": set KIJI_S3_REGION (or AWS_REGION)", e);
        }
    }

    /** S3's own words for a failure (its error code and message), else the exception's. */
    static String reason(RuntimeException e) {
        if (e instanceof S3Exception s && s.awsErrorDetails() != null) {
            var code = s.awsErrorDetails().errorCode();
            var message = s.awsErrorDetails().errorMessage();
            return s.statusCode() + (code == null ? "" : " " + code) + (message == null ? "" : " " + message);
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
