show f134dd905ecf
