package dev.billing.rating.domain.charge;

/** The validated {@code properties} of a charge (or of one charge filter), one record per model. */
public sealed interface ChargeProperties
    permits StandardProperties,
        GraduatedProperties,
        GraduatedPercentageProperties,
        PackageProperties,
        PercentageProperties,
        VolumeProperties,
        DynamicProperties {

  /** The charge model these properties belong to. */
  ChargeModel model();
}
